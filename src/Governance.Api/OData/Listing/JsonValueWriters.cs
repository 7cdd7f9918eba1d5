using System.Collections.Frozen;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Governance.Api.OData.Listing;

/// <summary>
/// Writes one property's value, read from the entity with its own type: no boxing, and dates, instants and enum
/// names go to the writer without an intermediate string. The formats are the package's (a date as
/// yyyy-MM-dd, an instant in UTC with up to seven fractional digits, an enum by member name).
/// </summary>
internal static class JsonValueWriters
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>
    /// A compiled writer of <paramref name="property"/>'s value as <paramref name="writeAs"/> (long for any integer,
    /// double for any float; enums by name whatever is asked), or null when no writer here takes that type.
    /// </summary>
    public static Action<Utf8JsonWriter, object>? For(PropertyInfo property, Type writeAs)
    {
        var writer = Expression.Parameter(typeof(Utf8JsonWriter), "writer");
        var entity = Expression.Parameter(typeof(object), "entity");
        Expression value = Expression.Property(Expression.Convert(entity, property.DeclaringType!), property);
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null;
        MethodInfo? method;
        if ((underlying ?? type).IsEnum)
        {
            method = typeof(JsonValueWriters).GetMethod(nullable ? nameof(NullableEnum) : nameof(Enum), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(underlying ?? type);
        }
        else
        {
            // Narrower integers and floats widen to the type the writer takes, as the package does.
            var target = nullable ? typeof(Nullable<>).MakeGenericType(writeAs) : writeAs;
            if (target != type)
                value = Expression.Convert(value, target);
            method = typeof(JsonValueWriters).GetMethod(nameof(Write), BindingFlags.NonPublic | BindingFlags.Static, [typeof(Utf8JsonWriter), target]);
        }

        return method is null ? null : Expression.Lambda<Action<Utf8JsonWriter, object>>(Expression.Call(method, writer, value), writer, entity).Compile();
    }

    private static void Write(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(value);
    }

    private static void Write(Utf8JsonWriter writer, byte[]? value)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteBase64StringValue(value);
    }

    private static void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    private static void Write(Utf8JsonWriter writer, bool? value) => WriteOrNull(writer, value, Write);

    private static void Write(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    private static void Write(Utf8JsonWriter writer, long? value) => WriteOrNull(writer, value, Write);

    private static void Write(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);

    private static void Write(Utf8JsonWriter writer, decimal? value) => WriteOrNull(writer, value, Write);

    private static void Write(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);

    private static void Write(Utf8JsonWriter writer, Guid? value) => WriteOrNull(writer, value, Write);

    /// <summary>Doubles as the package writes them: the three IEEE specials as strings.</summary>
    private static void Write(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value))
            writer.WriteStringValue("NaN");
        else if (double.IsPositiveInfinity(value))
            writer.WriteStringValue("INF");
        else if (double.IsNegativeInfinity(value))
            writer.WriteStringValue("-INF");
        else
            writer.WriteNumberValue(value);
    }

    private static void Write(Utf8JsonWriter writer, double? value) => WriteOrNull(writer, value, Write);

    private static void Write(Utf8JsonWriter writer, DateOnly value)
    {
        // "O" is yyyy-MM-dd for a date, and unlike that custom pattern it is formatted without a parser.
        Span<byte> text = stackalloc byte[16];
        value.TryFormat(text, out var length, "O", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..length]);
    }

    private static void Write(Utf8JsonWriter writer, DateOnly? value) => WriteOrNull(writer, value, Write);

    /// <summary>Instants in UTC, as the package writes them with its time zone set to UTC.</summary>
    private static void Write(Utf8JsonWriter writer, DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        Span<byte> text = stackalloc byte[40];
        utc.TryFormat(text, out var length, InstantFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..length]);
    }

    private static void Write(Utf8JsonWriter writer, DateTime? value) => WriteOrNull(writer, value, Write);

    private static void Write(Utf8JsonWriter writer, DateTimeOffset value) => Write(writer, value.UtcDateTime);

    private static void Write(Utf8JsonWriter writer, DateTimeOffset? value) => WriteOrNull(writer, value, Write);

    private static void Enum<TEnum>(Utf8JsonWriter writer, TEnum value)
        where TEnum : struct, System.Enum
    {
        if (EnumNames<TEnum>.Names.TryGetValue(value, out var name))
            writer.WriteStringValue(name);
        else
            writer.WriteStringValue(value.ToString());
    }

    private static void NullableEnum<TEnum>(Utf8JsonWriter writer, TEnum? value)
        where TEnum : struct, System.Enum => WriteOrNull(writer, value, Enum);

    private static void WriteOrNull<T>(Utf8JsonWriter writer, T? value, Action<Utf8JsonWriter, T> write)
        where T : struct
    {
        if (value is { } present)
            write(writer, present);
        else
            writer.WriteNullValue();
    }

    private static class EnumNames<TEnum>
        where TEnum : struct, System.Enum
    {
        public static readonly FrozenDictionary<TEnum, JsonEncodedText> Names =
            System.Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => JsonEncodedText.Encode(v.ToString()));
    }
}
