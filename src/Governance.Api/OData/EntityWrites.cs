using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OData.Deltas;

namespace Governance.Api.OData;

/// <summary>The checks every create and update shares: body, server-managed properties, annotations, references.</summary>
internal static class EntityWrites
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> WritableByType = new();

    public static IActionResult? InvalidBody<T>(Delta<T>? delta, ModelStateDictionary modelState, bool update = false)
        where T : class
    {
        if (delta is null || !modelState.IsValid)
        {
            var reasons = modelState.Values.SelectMany(v => v.Errors)
                .Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? e.Exception?.Message : e.ErrorMessage)
                .Where(m => !string.IsNullOrEmpty(m))
                .ToList();
            return ODataErrors.BadRequest("InvalidBody", reasons.Count > 0
                ? "The request body is not valid: " + string.Join(" ", reasons)
                : $"The request body must be a JSON {typeof(T).Name}.");
        }

        var writable = Writable(typeof(T)).Select(p => p.Name).ToHashSet();
        var refused = delta.GetChangedPropertyNames().Where(n => !writable.Contains(n)).ToList();
        if (refused.Count > 0)
            return ODataErrors.BadRequest("ServerManaged", $"{string.Join(", ", refused)} cannot be written by a client: the server sets it, or it is changed through its own action.");
        if (!update)
            return null;
        var descriptive = DescriptiveFields.Of(typeof(T));
        var fixedFields = delta.GetChangedPropertyNames().Where(n => !descriptive.Contains(n)).ToList();
        return fixedFields.Count == 0
            ? null
            : ODataErrors.BadRequest("NotDescriptive", descriptive.Count == 0
                ? $"{typeof(T).Name} records are not updated field by field: they change through their own actions ({string.Join(", ", fixedFields)} refused)."
                : $"{string.Join(", ", fixedFields)} cannot be changed by an update: an update changes only the descriptive fields of a {typeof(T).Name} ({string.Join(", ", descriptive.Order(StringComparer.Ordinal))}); the rest is set when the record is created or through its own action.");
    }

    /// <summary>PUT semantics: every descriptive property takes the body's value or its default; nothing else changes.</summary>
    public static void Replace<T>(T entity, Delta<T> delta)
        where T : class, new()
    {
        var replacement = new T();
        delta.Patch(replacement);
        var descriptive = DescriptiveFields.Of(typeof(T));
        foreach (var property in Writable(typeof(T)).Where(p => descriptive.Contains(p.Name)))
            property.SetValue(entity, property.GetValue(replacement));
    }

    public static async Task<IActionResult?> ValidateAsync<T>(GovernanceDbContext db, T entity, CancellationToken ct)
        where T : class
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(entity, new ValidationContext(entity), results, validateAllProperties: true))
            return ODataErrors.BadRequest("Invalid", string.Join(" ", results.Select(r => r.ErrorMessage)));
        if (entity is ICheckedValues checkedValues)
        {
            try
            {
                checkedValues.CheckValues();
            }
            catch (BusinessRuleException rule)
            {
                return ODataErrors.BadRequest(rule.Rule, rule.Message);
            }
        }

        foreach (var foreignKey in db.Model.FindEntityType(typeof(T))!.GetForeignKeys())
        {
            if (foreignKey.Properties is not [var property] || property.PropertyInfo?.GetValue(entity) is not { } value)
                continue;
            var principal = foreignKey.PrincipalEntityType.ClrType;
            if (await db.FindAsync(principal, [value], ct) is null)
                return ODataErrors.BadRequest("UnknownReference", $"{property.Name} {value} does not refer to an existing {principal.Name}.");
        }

        return null;
    }

    /// <summary>Public settable scalar properties that the server does not manage.</summary>
    private static PropertyInfo[] Writable(Type type) => WritableByType.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod?.IsPublic == true && p.GetCustomAttribute<ServerManagedAttribute>() is null && IsScalar(p.PropertyType))
        .ToArray());

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(Guid);
    }
}
