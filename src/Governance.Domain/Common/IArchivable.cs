namespace Governance.Domain.Common;

/// <summary>Records are never deleted: a deletion archives them, and archived rows drop out of normal reads.</summary>
public interface IArchivable
{
    DateTime? ArchivedAt { get; }

    void Archive(DateTime nowUtc);
}
