using Governance.Api.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data.Providers;

// One derived context per provider, each owning its migrations (EF Core's documented multi-provider approach).
public sealed class SqliteGovernanceDbContext(DbContextOptions<SqliteGovernanceDbContext> options, AuditWriter audit, ExemptionViewer viewer)
    : GovernanceDbContext(options, audit, viewer);

public sealed class PostgresGovernanceDbContext(DbContextOptions<PostgresGovernanceDbContext> options, AuditWriter audit, ExemptionViewer viewer)
    : GovernanceDbContext(options, audit, viewer);

public sealed class SqlServerGovernanceDbContext(DbContextOptions<SqlServerGovernanceDbContext> options, AuditWriter audit, ExemptionViewer viewer)
    : GovernanceDbContext(options, audit, viewer);
