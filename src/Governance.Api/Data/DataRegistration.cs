using Governance.Api.Data.Audit;
using Governance.Api.Data.Providers;
using Governance.Api.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Api.Data;

public static class DataRegistration
{
    /// <summary>Registers the database chosen by `Database:Provider` (SQLite unless told otherwise).</summary>
    public static IHostApplicationBuilder AddGovernanceData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentActor, HttpCurrentActor>();
        builder.Services.AddScoped<AuditWriter>();
        builder.Services.AddScoped<ExemptionViewer>();

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.ConnectionString, builder.Environment.ContentRootPath);
                builder.Services.AddDbContext<GovernanceDbContext, SqliteGovernanceDbContext>(o => o
                    .UseSqlite(sqlite, s => s.MigrationsAssembly(typeof(GovernanceDbContext).Assembly.FullName))
                    .AddInterceptors(new SqlitePragmas())
                    .ConfigureWarnings(IgnoreFilteredRequiredNavigation));
                break;
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContext<GovernanceDbContext, PostgresGovernanceDbContext>(o => o
                    .UseNpgsql(Required(options.ConnectionString, "Postgres"))
                    .ConfigureWarnings(IgnoreFilteredRequiredNavigation));
                break;
            case DatabaseProvider.SqlServer:
                builder.Services.AddDbContext<GovernanceDbContext, SqlServerGovernanceDbContext>(o => o
                    .UseSqlServer(Required(options.ConnectionString, "SqlServer"))
                    .ConfigureWarnings(IgnoreFilteredRequiredNavigation));
                break;
        }

        builder.Services.AddScoped<SeedLoader>();
        builder.Services.AddScoped<Generation.DataGenerator>();
        return builder;
    }

    // Archiving a principal (a department, a supplier) hides it from normal reads but not its dependants'
    // history, which keeps its foreign keys; EF's warning about filtered required navigations is expected here.
    private static void IgnoreFilteredRequiredNavigation(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning);

    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "governance.db"), Pooling = true }.ToString();
    }

    private static string Required(string? connectionString, string provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Database:Provider is {provider} but Database:ConnectionString is empty.")
            : connectionString;
}
