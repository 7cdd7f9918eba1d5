using Governance.Api.Data.Providers;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Tests.Data;

/// <summary>
/// The pragmas run once per physical SQLite connection, not on every open: a pooled connection must keep WAL,
/// its busy timeout and foreign-key enforcement each time EF takes it from the pool again.
/// </summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string file = SqliteAppBase.NewDatabaseFile();

    [Fact]
    public void APooledConnection_KeepsItsPragmas_EveryTimeItIsOpenedAgain()
    {
        var options = DesignTime.Options(new DbContextOptionsBuilder<SqliteGovernanceDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString())
            .AddInterceptors(new SqlitePragmas()));
        SQLitePCL.sqlite3? first = null;
        for (var open = 1; open <= 3; open++)
        {
            using var db = new SqliteGovernanceDbContext(options);
            db.Database.OpenConnection();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            first ??= connection.Handle;
            Assert.Same(first, connection.Handle); // the pool handed back the same connection: what this test is about

            Assert.Equal("wal", Pragma(connection, "journal_mode"));
            Assert.Equal("10000", Pragma(connection, "busy_timeout"));
            Assert.Equal("1", Pragma(connection, "foreign_keys"));
            db.Database.CloseConnection();
        }
    }

    private static string? Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => SqliteAppBase.DeleteDatabase(file);
}
