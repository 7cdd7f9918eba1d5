using System.Text.Json;
using Governance.Api.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Governance.Api.Infrastructure;

public static class HealthEndpoints
{
    public static IHostApplicationBuilder AddGovernanceHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck("live", () => HealthCheckResult.Healthy("The process is running."), tags: ["live"])
            .AddDbContextCheck<GovernanceDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>GET /health: liveness and database readiness, as JSON, for anyone (load balancers sign in to nothing).</summary>
    public static IEndpointRouteBuilder MapGovernanceHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous().DisableRequestTimeout();
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
