namespace Governance.Api.Data.Audit;

/// <summary>
/// The single row holding the end of the audit chain. Every audited save updates it first, which takes a row
/// (or, on SQLite, database) write lock and so keeps concurrent writers from forking the chain.
/// </summary>
internal sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Sequence { get; set; }

    public string LastHash { get; set; } = "";

    /// <summary>The first entry sealed with the audit key; entries before it were written before the chain had one.</summary>
    public long KeyedFromSequence { get; set; } = 1;
}
