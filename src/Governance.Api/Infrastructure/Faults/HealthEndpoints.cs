using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Infrastructure.Faults;

public static class HealthEndpoints
{
    public static IHostApplicationBuilder AddGovernanceHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck("live", () => HealthCheckResult.Healthy("The process is running."), tags: ["live"])
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        builder.Services.AddSingleton<DatabaseFaultMonitor>();
        return builder;
    }

    /// <summary>
    /// GET /health: every check; /health/live: the process answers (a restart would help only if this fails);
    /// /health/ready: the database answers and takes writes (take the host out of the load balancer while it does not). JSON, for
    /// anyone: load balancers and orchestrators sign in to nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapGovernanceHealth(this IEndpointRouteBuilder app)
    {
        foreach (var (path, tag) in new[] { ("/health", (string?)null), ("/health/live", "live"), ("/health/ready", "ready") })
        {
            app.MapHealthChecks(path, new HealthCheckOptions { ResponseWriter = WriteAsync, Predicate = check => tag is null || check.Tags.Contains(tag) })
                .AllowAnonymous().DisableRequestTimeout();
        }

        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
