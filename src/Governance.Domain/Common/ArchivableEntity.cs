namespace Governance.Domain.Common;

public abstract class ArchivableEntity : Entity, IArchivable
{
    [ServerManaged]
    public DateTime? ArchivedAt { get; private set; }

    public void Archive(DateTime nowUtc) => ArchivedAt ??= nowUtc;
}
