using Governance.Api.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Governance.Api.Data.Providers;

// Used by `dotnet ef migrations add ... --context <Provider>GovernanceDbContext` only. The connection strings
// are placeholders: generating a migration does not connect.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGovernanceDbContext>
{
    public SqliteGovernanceDbContext CreateDbContext(string[] args) => new(
        DesignTime.Options(new DbContextOptionsBuilder<SqliteGovernanceDbContext>().UseSqlite("Data Source=design.db")));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGovernanceDbContext>
{
    public PostgresGovernanceDbContext CreateDbContext(string[] args) => new(
        DesignTime.Options(new DbContextOptionsBuilder<PostgresGovernanceDbContext>().UseNpgsql("Host=localhost")));
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerGovernanceDbContext>
{
    public SqlServerGovernanceDbContext CreateDbContext(string[] args) => new(
        DesignTime.Options(new DbContextOptionsBuilder<SqlServerGovernanceDbContext>().UseSqlServer("Server=localhost")));
}

internal static class DesignTime
{
    private static AuditWriter Audit { get; } = new(new DesignTimeActor(), TimeProvider.System, AuditKey.Ephemeral(), new HttpContextAccessor());

    /// <summary>Options for a context built by hand (design time, tests): audited as "design-time", reading every row.</summary>
    public static DbContextOptions<TContext> Options<TContext>(DbContextOptionsBuilder<TContext> builder)
        where TContext : DbContext
    {
        ContextServices.Add(builder, Audit, ExemptionViewer.Unrestricted);
        return builder.Options;
    }

    private sealed class DesignTimeActor : ICurrentActor
    {
        public string Name => "design-time";
    }
}
