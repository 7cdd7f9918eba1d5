namespace Governance.Domain.Common;

/// <summary>
/// Marks a property that only the server sets (keys, revisions, statuses changed by domain methods).
/// A client that tries to write it gets a 400 naming the property.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ServerManagedAttribute : Attribute;
