using Governance.Api.Data.Audit;
using Governance.Api.Data.Providers;
using Governance.Api.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

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
        // Stateless: each reads the current request through IHttpContextAccessor (see ContextServices).
        builder.Services.AddSingleton<ICurrentActor, HttpCurrentActor>();
        builder.Services.AddSingleton<AuditKey>();
        builder.Services.AddScoped<AuditCheckpointFile>();
        builder.Services.AddSingleton<AuditWriter>();
        builder.Services.AddSingleton<ExemptionViewer>();

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.ConnectionString, builder.Environment.ContentRootPath);
                AddContext<SqliteGovernanceDbContext>(builder.Services, o => o
                    .UseSqlite(sqlite, s => s.MigrationsAssembly(typeof(GovernanceDbContext).Assembly.FullName).UseParameterizedCollectionMode(OneParameter))
                    .AddInterceptors(new SqlitePragmas())
                    .ReplaceService<IRelationalTypeMappingSource, SqliteGovernanceTypeMappingSource>()
                    .ConfigureWarnings(IgnoreFilteredRequiredNavigation));
                break;
            case DatabaseProvider.Postgres:
                AddContext<PostgresGovernanceDbContext>(builder.Services, o => o
                    .UseNpgsql(Required(options.ConnectionString, "Postgres"), n => n.UseParameterizedCollectionMode(OneParameter))
                    .ConfigureWarnings(IgnoreFilteredRequiredNavigation));
                break;
            case DatabaseProvider.SqlServer:
                AddContext<SqlServerGovernanceDbContext>(builder.Services, o => o
                    .UseSqlServer(Required(options.ConnectionString, "SqlServer"), q => q.UseParameterizedCollectionMode(OneParameter))
                    .ConfigureWarnings(IgnoreFilteredRequiredNavigation));
                break;
        }

        builder.Services.AddScoped<SeedLoader>();
        builder.Services.AddScoped<Generation.DataGenerator>();
        return builder;
    }

    /// <summary>
    /// Contexts from EF's pool, on options built once (ADR 0009). A new context per request (EF's default) built
    /// its options again and resolved EF's own scoped services afresh every time: a quarter of a read's time
    /// outside the listing writer (docs/performance.md). A pooled context is reset when it goes back to the pool.
    /// </summary>
    private static void AddContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : GovernanceDbContext =>
        services.AddDbContextPool<GovernanceDbContext, TContext>((provider, options) =>
        {
            configure(options);
            ContextServices.Add(options, provider.GetRequiredService<AuditWriter>(), provider.GetRequiredService<ExemptionViewer>());
        });

    // A list in a query (`keys.Contains(x.Key)`) goes to the database as one parameter (json_each on SQLite, an
    // array on PostgreSQL, OPENJSON on SQL Server), as EF did before version 10: the SQL is then the same whatever
    // the list's length, and a compiled query can take the list as its argument (the listing's expansions do).
    private const ParameterTranslationMode OneParameter = ParameterTranslationMode.Parameter;

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
