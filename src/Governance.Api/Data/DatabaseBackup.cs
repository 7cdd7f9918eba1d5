using Governance.Api.Data.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data;

/// <summary>
/// `backup FILE`: an online copy of the SQLite database, consistent while the server keeps serving (SQLite's backup
/// API, page by page under a read lock), with the audit checkpoints beside it. Restoring is copying both files back
/// while the server is stopped (README, Production). PostgreSQL and SQL Server have their own tools: pg_dump and
/// BACKUP DATABASE; the command says so rather than half-doing it.
/// </summary>
public static class DatabaseBackup
{
    public static async Task<int> RunAsync(IServiceProvider services, string destination, TextWriter output)
    {
        var db = services.GetRequiredService<GovernanceDbContext>();
        if (!db.Database.IsSqlite())
        {
            await output.WriteLineAsync("backup copies the embedded SQLite database. For PostgreSQL use pg_dump --format=custom (and pg_restore); "
                + "for SQL Server, BACKUP DATABASE. See the README's Production section.");
            return 2;
        }

        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
        {
            await output.WriteLineAsync($"Not backed up: {target} already exists; a backup never overwrites a file.");
            return 1;
        }

        // The checkpoints first: every checkpoint copied then describes a chain the database copy (taken after) holds.
        var checkpoints = services.GetRequiredService<AuditCheckpointFile>().FilePath;
        if (File.Exists(checkpoints))
            File.Copy(checkpoints, target + ".audit-checkpoints.jsonl");

        await using var source = new SqliteConnection(db.Database.GetConnectionString());
        await source.OpenAsync();
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }

        await output.WriteLineAsync($"Backed up to {target} ({new FileInfo(target).Length / 1024:N0} KiB)"
            + (File.Exists(checkpoints) ? $" with its audit checkpoints ({target}.audit-checkpoints.jsonl)." : "."));
        return 0;
    }
}
