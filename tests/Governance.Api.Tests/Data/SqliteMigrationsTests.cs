using Governance.Api.Data.Providers;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Api.Tests.Data;

/// <summary>
/// A new database is built by the host at its first start. Every SQLite migration must run inside its own
/// transaction: an operation that cannot (a table rebuilt with foreign keys switched off) leaves the database
/// half-migrated if the host stops part of the way through, and warns every newcomer on the first run.
/// </summary>
public sealed class SqliteMigrationsTests : IDisposable
{
    private readonly string file = SqliteAppBase.NewDatabaseFile();

    [Fact]
    public async Task EveryMigration_RunsInsideItsTransaction()
    {
        var options = DesignTime.Options(new DbContextOptionsBuilder<SqliteGovernanceDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file }.ToString())
            .ConfigureWarnings(w => w.Throw(RelationalEventId.NonTransactionalMigrationOperationWarning)));
        await using var db = new SqliteGovernanceDbContext(options);

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        // The markings' committee key, which used to be added by a rebuild, is still enforced.
        var referenced = await db.Database.SqlQueryRaw<string>("""SELECT "table" AS "Value" FROM pragma_foreign_key_list('ExemptionMarkings')""")
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Committees"], referenced);
    }

    public void Dispose() => SqliteAppBase.DeleteDatabase(file);
}
