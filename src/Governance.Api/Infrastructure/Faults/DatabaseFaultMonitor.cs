using Microsoft.Data.Sqlite;

namespace Governance.Api.Infrastructure.Faults;

/// <summary>
/// Remembers the last database fault a request met, so that readiness says so at once, and lets the host recover by
/// itself once the fault clears: SQLite silently opens a connection read-only when its file cannot be written and the
/// pool would keep handing out that connection after the file is writable again, so every pooled SQLite connection
/// is dropped when a fault is met and when it is seen to have cleared.
/// </summary>
public sealed class DatabaseFaultMonitor(TimeProvider clock, ILogger<DatabaseFaultMonitor> logger)
{
    private readonly Lock gate = new();

    public (DatabaseFaultKind Kind, DateTimeOffset At)? Current { get; private set; }

    public void Report(DatabaseFaultKind kind)
    {
        Telemetry.DatabaseFaults.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
        bool first;
        lock (gate)
        {
            first = Current is null;
            Current = (kind, clock.GetUtcNow());
        }

        SqliteConnection.ClearAllPools();
        if (first)
            logger.LogError("Database fault: {Kind}. Requests that need the database answer 503 until it clears.", kind);
    }

    public void Cleared()
    {
        (DatabaseFaultKind Kind, DateTimeOffset At)? was;
        lock (gate)
        {
            was = Current;
            Current = null;
        }

        if (was is null)
            return;
        SqliteConnection.ClearAllPools();
        logger.LogWarning("Database fault cleared: {Kind} since {At:O}.", was.Value.Kind, was.Value.At);
    }
}
