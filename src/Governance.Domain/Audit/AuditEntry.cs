using Governance.Domain.Common;

namespace Governance.Domain.Audit;

public enum AuditOperation
{
    Created,
    Updated,
    Archived,
    Deleted,
}

/// <summary>
/// One change to one record, written in the same transaction as the change. Entries form a hash chain:
/// each hash covers the previous entry's hash and this entry's canonical content, so an edit anywhere
/// breaks every link after it.
/// </summary>
public class AuditEntry : ILogRow
{
    public long Id { get; set; }

    /// <summary>Position in the chain, 1-based, without gaps.</summary>
    public long Sequence { get; set; }

    public string Actor { get; set; } = "";

    /// <summary>UTC, truncated to whole microseconds so every provider stores it exactly.</summary>
    public DateTime OccurredAt { get; set; }

    public string EntityType { get; set; } = "";

    public string EntityKey { get; set; } = "";

    public AuditOperation Operation { get; set; }

    /// <summary>JSON of the changed values before the change (null when created).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the changed values after the change.</summary>
    public string? After { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
