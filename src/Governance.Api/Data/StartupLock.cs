using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Governance.Api.Data;

/// <summary>
/// Serialises the start-up work on a shared database (creating it, migrations, roles, workflow definitions, the
/// seed), so that any number of hosts can start together: each waits for the one before, then finds the work done.
/// PostgreSQL: the database is created if missing (a host that loses the race to create it carries on) and a
/// session advisory lock is held; SQL Server: an application lock held by the session. SQLite is one file on one
/// machine, and EF's own migration lock covers it.
/// </summary>
internal static class StartupLock
{
    private const long PostgresKey = 0x476F76_5374617274; // "Gov" "Start"
    private const string SqlServerResource = "governance-startup";

    public static async Task<IAsyncDisposable> AcquireAsync(GovernanceDbContext db, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString();
        if (db.Database.IsNpgsql() && connectionString is not null)
        {
            await CreatePostgresDatabaseAsync(connectionString, ct);
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresKey})", connection))
                await take.ExecuteNonQueryAsync(ct);
            return new Held(connection); // closing the session releases its advisory lock
        }

        if (db.Database.IsSqlServer() && connectionString is not null)
        {
            var connection = new SqlConnection(new SqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            try
            {
                await connection.OpenAsync(ct);
            }
            catch (SqlException e) when (e.Number == 4060)
            {
                // The database does not exist yet: EF creates it, unlocked (SQL Server refuses a second CREATE DATABASE).
                await connection.DisposeAsync();
                return new Held(null);
            }

            await using var take = new SqlCommand($"EXEC sp_getapplock @Resource = '{SqlServerResource}', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1", connection);
            await take.ExecuteNonQueryAsync(ct);
            return new Held(connection); // closing the session releases its application lock
        }

        return new Held(null);
    }

    /// <summary>CREATE DATABASE from the maintenance database; another host having just created it is no error.</summary>
    private static async Task CreatePostgresDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database))
            return;
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ToString());
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", target.Database);
            if (await exists.ExecuteScalarAsync(ct) is not null)
                return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // created by another host starting at the same moment
        }
    }

    private sealed class Held(System.Data.Common.DbConnection? connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => connection?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
