using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data.Providers;

// One derived context per provider, each owning its migrations (EF Core's documented multi-provider approach).
public sealed class SqliteGovernanceDbContext(DbContextOptions<SqliteGovernanceDbContext> options) : GovernanceDbContext(options);

public sealed class PostgresGovernanceDbContext(DbContextOptions<PostgresGovernanceDbContext> options) : GovernanceDbContext(options);

public sealed class SqlServerGovernanceDbContext(DbContextOptions<SqlServerGovernanceDbContext> options) : GovernanceDbContext(options);
