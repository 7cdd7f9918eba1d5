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

    public static IActionResult? InvalidBody<T>(Delta<T>? delta, ModelStateDictionary modelState)
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
        return refused.Count == 0
            ? null
            : ODataErrors.BadRequest("ServerManaged", $"{string.Join(", ", refused)} cannot be written by a client: the server sets it, or it is changed through its own action.");
    }

    /// <summary>PUT semantics: every client-writable property takes the body's value or its default.</summary>
    public static void Replace<T>(T entity, Delta<T> delta)
        where T : class, new()
    {
        var replacement = new T();
        delta.Patch(replacement);
        foreach (var property in Writable(typeof(T)))
            property.SetValue(entity, property.GetValue(replacement));
    }

    public static async Task<IActionResult?> ValidateAsync<T>(GovernanceDbContext db, T entity, CancellationToken ct)
        where T : class
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(entity, new ValidationContext(entity), results, validateAllProperties: true))
            return ODataErrors.BadRequest("Invalid", string.Join(" ", results.Select(r => r.ErrorMessage)));

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
