using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Benchmarks.Harness;

/// <summary>
/// A new, empty database for one benchmark, removed when disposed: a SQLite file (with its write-ahead log and
/// shared-memory index) in the temp folder, or a database of its own on a PostgreSQL server.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly Func<Task> remove;

    private ScratchDatabase(string provider, string connectionString, Func<Task> remove)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.remove = remove;
    }

    /// <summary>The host's `Database:Provider`: Sqlite or Postgres.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public static ScratchDatabase Sqlite(string prefix)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");
        return new ScratchDatabase("Sqlite", new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString(), () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(path);
            return Task.CompletedTask;
        });
    }

    /// <param name="admin">A connection string to the server, with rights to create and drop databases.</param>
    public static async Task<ScratchDatabase> PostgresAsync(string admin, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..32];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        return new ScratchDatabase("Postgres", new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    public async ValueTask DisposeAsync() => await remove();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
