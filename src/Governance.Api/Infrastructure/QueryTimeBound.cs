using Microsoft.AspNetCore.Http.Timeouts;

namespace Governance.Api.Infrastructure;

/// <summary>
/// Bounds how long one request may run (<c>Limits:QuerySeconds</c>, 30 by default): the request's cancellation fires
/// and the database command is cancelled with it, and the caller gets a 400 that names the bound. The same bound is the
/// database command timeout on PostgreSQL and SQL Server. Health checks and the CSV import (bounded by its row count)
/// are outside it.
/// </summary>
public static class QueryTimeBound
{
    public const double DefaultSeconds = 30;

    public static double Seconds(IConfiguration configuration) => configuration.GetValue("Limits:QuerySeconds", DefaultSeconds);

    public static IHostApplicationBuilder AddQueryTimeBound(this IHostApplicationBuilder builder)
    {
        var seconds = Seconds(builder.Configuration);
        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(seconds),
            TimeoutStatusCode = StatusCodes.Status400BadRequest,
            WriteTimeoutResponse = context =>
            {
                ResponseSizeBound.DiscardHeld(context);
                return ErrorBodies.WriteAsync(context, StatusCodes.Status400BadRequest, "Limits:QuerySeconds",
                    $"The request ran longer than {seconds:0.###} seconds, the bound on one request, and was stopped. Narrow it with $filter or $top, or expand less.");
            },
        });
        return builder;
    }
}
