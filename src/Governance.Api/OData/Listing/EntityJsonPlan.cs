using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.OData.Abstracts;
using Microsoft.AspNetCore.OData.Edm;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.OData.Edm;

namespace Governance.Api.OData.Listing;

/// <summary>
/// How to write one entity type of one entity set as minimal-metadata OData JSON: its entity tag and each
/// structural property of the EDM model, in the model's order and the package's formats. Built once per set;
/// null when the type has something the listing writer does not handle (a complex or collection property, a
/// derived type, flags), which leaves it to the package.
/// </summary>
internal sealed class EntityJsonPlan
{
    private const int MaxCachedTags = 10_000;
    private static readonly ConcurrentDictionary<(IEdmNavigationSource, Type), EntityJsonPlan?> Plans = new();

    private readonly PropertyPlan[] properties;
    private readonly PropertyPlan[] concurrency;
    private readonly ConcurrentDictionary<object, string> tags = new();

    private EntityJsonPlan(IEntityType efType, PropertyPlan[] properties, PropertyPlan[] concurrency)
    {
        EfType = efType;
        this.properties = properties;
        this.concurrency = concurrency;
    }

    public IEntityType EfType { get; }

    public static EntityJsonPlan? For(IEdmModel model, IEdmNavigationSource source, IEntityType efType) =>
        Plans.GetOrAdd((source, efType.ClrType), _ => Build(model, source, efType));

    /// <summary>Opens the entity's object and writes its tag and properties; the caller adds expansions and closes it.</summary>
    public void WriteStart(Utf8JsonWriter writer, object entity, IETagHandler etags)
    {
        writer.WriteStartObject();
        if (concurrency.Length > 0)
            writer.WriteString("@odata.etag", ETag(entity, etags));
        foreach (var property in properties)
            property.Write(writer, entity);
    }

    private string ETag(object entity, IETagHandler etags)
    {
        if (concurrency.Length == 1 && concurrency[0].Get(entity) is { } value)
        {
            if (tags.TryGetValue(value, out var cached))
                return cached;
            var tag = CreateETag(entity, etags);
            if (tags.Count < MaxCachedTags)
                tags[value] = tag;
            return tag;
        }

        return CreateETag(entity, etags);
    }

    private string CreateETag(object entity, IETagHandler etags) =>
        etags.CreateETag(concurrency.ToDictionary(p => p.Name, p => p.Get(entity)), TimeZoneInfo.Utc)?.ToString() ?? "";

    /// <summary>A compiled read of one property of an entity handed over as object.</summary>
    internal static Func<object, object?> Reader(PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(object), "entity");
        var read = Expression.Property(Expression.Convert(entity, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), entity).Compile();
    }

    private static EntityJsonPlan? Build(IEdmModel model, IEdmNavigationSource source, IEntityType efType)
    {
        if (efType.GetDerivedTypes().Any() || efType.BaseType is not null || model.FindAllDerivedTypes(source.EntityType).Any())
            return null;
        var properties = new List<PropertyPlan>();
        foreach (var property in source.EntityType.StructuralProperties())
        {
            if (PropertyPlan.TryCreate(efType.ClrType, property) is not { } plan)
                return null;
            properties.Add(plan);
        }

        // The package orders the tag's properties by name.
        var concurrency = model.GetConcurrencyProperties(source).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => properties.FirstOrDefault(x => x.Name == p.Name)).ToArray();
        return concurrency.Any(p => p is null) ? null : new EntityJsonPlan(efType, [.. properties], concurrency!);
    }

    private enum ValueKind { String, Boolean, Integer, Decimal, Double, Guid, Date, Instant, Binary, Enum }

    private sealed class PropertyPlan(string name, Func<object, object?> get, Action<Utf8JsonWriter, object> write)
    {
        private readonly JsonEncodedText jsonName = JsonEncodedText.Encode(name);

        public string Name => name;

        public object? Get(object entity) => get(entity);

        public static PropertyPlan? TryCreate(Type clrType, IEdmStructuralProperty property)
        {
            if (clrType.GetProperty(property.Name) is not { CanRead: true } info)
                return null;
            var type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
            ValueKind? kind = property.Type switch
            {
                IEdmEnumTypeReference when type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), false) && SameMembers(property.Type, type) => ValueKind.Enum,
                IEdmPrimitiveTypeReference primitive => (primitive.PrimitiveKind(), type) switch
                {
                    (EdmPrimitiveTypeKind.String, _) when type == typeof(string) => ValueKind.String,
                    (EdmPrimitiveTypeKind.Boolean, _) when type == typeof(bool) => ValueKind.Boolean,
                    (EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int64, _)
                        when type == typeof(byte) || type == typeof(short) || type == typeof(int) || type == typeof(long) => ValueKind.Integer,
                    (EdmPrimitiveTypeKind.Decimal, _) when type == typeof(decimal) => ValueKind.Decimal,
                    (EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Single, _) when type == typeof(double) || type == typeof(float) => ValueKind.Double,
                    (EdmPrimitiveTypeKind.Guid, _) when type == typeof(Guid) => ValueKind.Guid,
                    (EdmPrimitiveTypeKind.Date, _) when type == typeof(DateOnly) => ValueKind.Date,
                    (EdmPrimitiveTypeKind.DateTimeOffset, _) when type == typeof(DateTime) || type == typeof(DateTimeOffset) => ValueKind.Instant,
                    (EdmPrimitiveTypeKind.Binary, _) when type == typeof(byte[]) => ValueKind.Binary,
                    _ => null,
                },
                _ => null,
            };
            if (kind is null || JsonValueWriters.For(info, WrittenAs(kind.Value, type)) is not { } write)
                return null;

            return new PropertyPlan(property.Name, Reader(info), write);
        }

        public void Write(Utf8JsonWriter writer, object entity)
        {
            writer.WritePropertyName(jsonName);
            write(writer, entity);
        }

        private static Type WrittenAs(ValueKind kind, Type type) => kind switch
        {
            ValueKind.Integer => typeof(long),
            ValueKind.Double => typeof(double),
            _ => type,
        };

        private static bool SameMembers(IEdmTypeReference edm, Type clr) =>
            edm.Definition is IEdmEnumType enumType
            && enumType.Members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal).SetEquals(Enum.GetNames(clr));
    }
}
