using System.Diagnostics;
using Microsoft.Extensions.Logging.Console;

namespace Governance.Api.Infrastructure;

/// <summary>
/// Logs an operator can follow: one line per request (method, path, status, time, trace id), the trace id on every
/// line written while a request runs (a logging scope), and the same id in every error body, so that what a user
/// quotes from an error finds its lines. <c>Logging:Json</c> writes one JSON object per line, for a log collector;
/// otherwise one line of text per entry.
/// </summary>
public static class RequestLogging
{
    private const string Category = "Governance.Requests";

    /// <summary>The id a request's error body and log lines carry: its W3C trace id, as ASP.NET's problem details write it.</summary>
    public static string TraceIdOf(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    public static IHostApplicationBuilder AddGovernanceLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.ClearProviders();
        if (builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        return builder;
    }

    /// <summary>One line per request once it is answered; health probes at Debug, so that they do not drown the rest.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var level = context.Request.Path.StartsWithSegments("/health") ? LogLevel.Debug : LogLevel.Information;
                if (logger.IsEnabled(level))
                {
                    logger.Log(level, "{Method} {Path} answered {Status} in {ElapsedMs:F1} ms (trace {TraceId})",
                        context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds, TraceIdOf(context));
                }
            }
        });
    }
}
