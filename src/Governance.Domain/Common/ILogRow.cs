namespace Governance.Domain.Common;

/// <summary>A row of an append-only log (audit entries, workflow history, timers, notifications): a long key, never edited by clients.</summary>
public interface ILogRow
{
    long Id { get; }
}
