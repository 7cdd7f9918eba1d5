using Governance.Api.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Governance.Api.Data.Providers;

// Used by `dotnet ef migrations add ... --context <Provider>GovernanceDbContext` only. The connection strings
// are placeholders: generating a migration does not connect.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGovernanceDbContext>
{
    public SqliteGovernanceDbContext CreateDbContext(string[] args) => new(
        ContextServices.Options(new DbContextOptionsBuilder<SqliteGovernanceDbContext>().UseSqlite("Data Source=design.db"), DesignTime.Audit, ExemptionViewer.Unrestricted));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGovernanceDbContext>
{
    public PostgresGovernanceDbContext CreateDbContext(string[] args) => new(
        ContextServices.Options(new DbContextOptionsBuilder<PostgresGovernanceDbContext>().UseNpgsql("Host=localhost"), DesignTime.Audit, ExemptionViewer.Unrestricted));
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerGovernanceDbContext>
{
    public SqlServerGovernanceDbContext CreateDbContext(string[] args) => new(
        ContextServices.Options(new DbContextOptionsBuilder<SqlServerGovernanceDbContext>().UseSqlServer("Server=localhost"), DesignTime.Audit, ExemptionViewer.Unrestricted));
}

internal static class DesignTime
{
    public static AuditWriter Audit { get; } = new(new DesignTimeActor(), TimeProvider.System);

    private sealed class DesignTimeActor : ICurrentActor
    {
        public string Name => "design-time";
    }
}
