using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Governance.Api.Data.Providers;

/// <summary>
/// WAL lets readers run beside the single writer; the busy timeout makes a second writer wait rather than fail;
/// SQLite leaves foreign keys off unless asked. All three stay with the physical connection (WAL with the file),
/// so they run when the pool opens one, not each time EF takes it from the pool (once per query): that ran three
/// more statements before every read. A connection opened read-only (EF opens one to see whether the file exists)
/// leaves the journal mode alone: switching a file that is not yet in WAL mode (a backup made with VACUUM INTO) is a
/// write, which would fail there and stop the host starting on a restored copy.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
    private const string Wal = "PRAGMA journal_mode=WAL; ";

    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = CommandFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = CommandFor(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string CommandFor(DbConnection connection) =>
        connection is SqliteConnection sqlite && new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? Pragmas : Wal + Pragmas;

    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Prepared.TryAdd(handle, Done);
}
