using System.Diagnostics.Metrics;
using System.Net;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Governance.Api.Infrastructure;

/// <summary>
/// OpenTelemetry metrics and traces, off by default. Telemetry:Prometheus=true serves metrics at /metrics for a
/// scraper on the same machine or at an address in Telemetry:ScrapeFrom (nobody else: traffic figures are not
/// public); Telemetry:OtlpEndpoint (e.g. http://collector:4317) exports metrics and traces by OTLP. Besides ASP.NET
/// Core's request metrics and the runtime's, the Governance meter counts what an operator is paged for.
/// </summary>
public static class Telemetry
{
    public const string MeterName = "Governance";
    private static readonly Meter Meter = new(MeterName);

    /// <summary>Requests that met a database fault (unreachable, read-only, full), by kind.</summary>
    public static readonly Counter<long> DatabaseFaults = Meter.CreateCounter<long>("governance.database.faults", description: "Requests that met a database fault, by kind.");

    /// <summary>E-mails handed to SMTP, and sends interrupted by a crash (each possibly a duplicate).</summary>
    public static readonly Counter<long> NotificationsSent = Meter.CreateCounter<long>("governance.notifications.sent", description: "Notification e-mails handed to the mail server.");

    public static readonly Counter<long> NotificationSendsInterrupted = Meter.CreateCounter<long>("governance.notifications.interrupted", description: "Notification sends interrupted before their outcome was recorded.");

    private static bool PrometheusOn(IConfiguration configuration) => configuration.GetValue("Telemetry:Prometheus", false);

    public static IHostApplicationBuilder AddGovernanceTelemetry(this IHostApplicationBuilder builder)
    {
        var otlp = builder.Configuration["Telemetry:OtlpEndpoint"];
        if (!PrometheusOn(builder.Configuration) && string.IsNullOrWhiteSpace(otlp))
            return builder;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("governance"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(MeterName);
                if (PrometheusOn(builder.Configuration))
                    metrics.AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlp))
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        if (!string.IsNullOrWhiteSpace(otlp))
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        return builder;
    }

    public static WebApplication MapGovernanceTelemetry(this WebApplication app)
    {
        if (!PrometheusOn(app.Configuration))
            return app;
        var allowed = (app.Configuration.GetSection("Telemetry:ScrapeFrom").Get<string[]>() ?? []).Select(IPAddress.Parse).ToHashSet();
        app.MapPrometheusScrapingEndpoint("/metrics")
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Connection.RemoteIpAddress is { } from && (IPAddress.IsLoopback(from) || allowed.Contains(from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from))
                    ? await next(context)
                    : Results.NotFound())
            .AllowAnonymous();
        return app;
    }
}
