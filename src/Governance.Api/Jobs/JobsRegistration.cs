using Governance.Api.Auth;
using Governance.Api.Data.Providers;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;

namespace Governance.Api.Jobs;

public static class JobsRegistration
{
    /// <summary>
    /// Hangfire storage follows the database: in memory beside SQLite (the database holds what is due, so a
    /// restart loses nothing), SQL Server or PostgreSQL storage beside those, shared by every server.
    /// </summary>
    public static IHostApplicationBuilder AddGovernanceJobs(this IHostApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            switch (database.Provider)
            {
                case DatabaseProvider.Postgres:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString));
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(database.ConnectionString);
                    break;
                default:
                    config.UseInMemoryStorage();
                    break;
            }
        });
        builder.Services.AddScoped<RecurringJobRunner>();
        if (builder.Configuration.GetValue("Jobs:Server", true))
        {
            builder.Services.AddHangfireServer(o =>
            {
                o.WorkerCount = builder.Configuration.GetValue("Jobs:Workers", 2);
                o.SchedulePollingInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Jobs:PollSeconds", 15));
            });
        }

        return builder;
    }

    /// <summary>Registers the recurring jobs and maps the dashboard at /hangfire for Administrators only.</summary>
    public static WebApplication MapGovernanceJobs(this WebApplication app)
    {
        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>(), app.Configuration);
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdministratorsOnly()], DisplayStorageConnectionString = false })
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        return app;
    }

    /// <summary>Where this host runs jobs: the recurring runs missed while no host was up, and packs Hangfire lost, are made now.</summary>
    public static async Task CatchUpMissedWorkAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Jobs:Server", true))
            return;
        var (triggered, packs) = await MissedRuns.CatchUpAsync(app.Services, app.Lifetime.ApplicationStopping);
        if (triggered.Count > 0 || packs > 0)
            app.Logger.LogWarning("Work missed while no host was up: ran {Jobs} now; queued {Packs} unfinished pack(s) again.", triggered.Count == 0 ? "no recurring job" : string.Join(", ", triggered), packs);
    }

    /// <summary>Checked again inside the dashboard, in case it is ever mapped without the endpoint's policy.</summary>
    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}
