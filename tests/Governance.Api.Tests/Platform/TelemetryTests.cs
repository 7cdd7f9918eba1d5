using System.Net;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Governance.Api.Tests.Platform;

/// <summary>Metrics are off unless asked for, and then scraped only from this machine (or listed addresses), never by the public.</summary>
public sealed class TelemetryTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ByDefault_ThereIsNoMetricsEndpoint()
    {
        using var client = await app.ClientForAsync("Administrator");
        using var response = await client.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WithPrometheusOn_ALocalScraperReadsRequestMetrics_AndAClientBehindTheProxyDoesNot()
    {
        var folder = Directory.CreateTempSubdirectory("governance-metrics-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "governance.db")}",
            ["DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
            ["Audit:KeyFile"] = Path.Combine(folder, "audit.key"),
            ["Telemetry:Prometheus"] = "true",
            ["ForwardedHeaders:Enabled"] = "true",
        };
        try
        {
            await using var host = await HostProcess.StartAsync(settings, Ct);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}") };
            for (var i = 0; i < 3; i++)
                (await client.GetAsync("/health/ready", Ct)).Dispose();

            var metrics = await client.GetStringAsync("/metrics", Ct);
            Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
            Assert.Contains("/health/ready", metrics, StringComparison.Ordinal);

            using var outside = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            outside.Headers.Add("X-Forwarded-For", "203.0.113.7"); // a member of the public, through the council's proxy
            using var refused = await client.SendAsync(outside, Ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
