using System.Data.Common;
using Governance.Api.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Infrastructure.Faults;

/// <summary>
/// Ready means the database takes writes, not only that it answers: a read-only or full SQLite file still answers
/// SELECT 1. On SQLite the check commits a one-page write (the file's user_version, rewritten unchanged) on a
/// connection of its own, and looks at the room left on the file's volume (SQLite reuses its log's pages, so a
/// one-page write can succeed on a full disk); PostgreSQL and SQL Server are asked whether the database is read-only.
/// A full disk under a server database is known only from a failed write, so it is reported for a minute after.
/// </summary>
public sealed class DatabaseReadyCheck(IServiceScopeFactory scopes, DatabaseFaultMonitor monitor, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan FullFor = TimeSpan.FromMinutes(1);
    private const long SqliteRoomNeeded = 1024 * 1024;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        try
        {
            var readOnly = db.Database.IsSqlite()
                ? await ProbeSqliteAsync(db.Database.GetConnectionString()!, cancellationToken)
                : await ServerIsReadOnlyAsync(db, cancellationToken);
            if (readOnly)
                return Fault(DatabaseFaultKind.ReadOnly);
            if (db.Database.IsSqlite() && RoomLeft(db.Database.GetConnectionString()!) < SqliteRoomNeeded)
                return Fault(DatabaseFaultKind.Full);
            if (!db.Database.IsSqlite() && monitor.Current is { Kind: DatabaseFaultKind.Full } full && clock.GetUtcNow() - full.At < FullFor)
                return HealthCheckResult.Unhealthy(DatabaseFault.Describe(DatabaseFaultKind.Full));
            monitor.Cleared();
            return HealthCheckResult.Healthy("The database answers and takes writes.");
        }
        catch (Exception e) when (DatabaseFault.Classify(e) is { } kind)
        {
            return Fault(kind);
        }
        catch (DbException e)
        {
            return HealthCheckResult.Unhealthy($"The database answered with an error ({e.GetType().Name}).");
        }
    }

    private HealthCheckResult Fault(DatabaseFaultKind kind)
    {
        monitor.Report(kind);
        return HealthCheckResult.Unhealthy(DatabaseFault.Describe(kind));
    }

    /// <returns>True when the file opened but refuses writes.</returns>
    private static async Task<bool> ProbeSqliteAsync(string connectionString, CancellationToken ct)
    {
        // Unpooled, so that the probe never leaves behind (or reuses) a connection SQLite opened read-only.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=2000; PRAGMA user_version;";
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"PRAGMA user_version={version};";
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // Another writer holds the file: it is writable, merely busy.
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 8)
        {
            return true;
        }

        return false;
    }

    private static long RoomLeft(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        return string.IsNullOrEmpty(folder) || file == ":memory:" ? long.MaxValue : new DriveInfo(folder).AvailableFreeSpace;
    }

    private static async Task<bool> ServerIsReadOnlyAsync(GovernanceDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 5;
            command.CommandText = db.Database.IsNpgsql()
                ? "SELECT CASE WHEN current_setting('transaction_read_only') = 'on' THEN 1 ELSE 0 END"
                : "SELECT CASE WHEN DATABASEPROPERTYEX(DB_NAME(), 'Updateability') = 'READ_WRITE' THEN 0 ELSE 1 END";
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
