using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Data;

/// <summary>
/// PostgreSQL stopped and started again under load: while it is down every request that needs it answers 503 with
/// Retry-After (never 500) and readiness says so; once it is back the host serves again by itself; every write that
/// was acknowledged is there.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class App(string connectionString) : GovernanceApp
    {
        protected override IReadOnlyDictionary<string, string?> DatabaseSettings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connectionString,
        };
    }

    [Fact]
    public async Task StoppedUnderLoad_Answers503_AndServesAgainWhenItIsBack_WithNoAcknowledgedWriteLost()
    {
        if (ThrowAwayPostgres.WhyNot is { } whyNot)
            Assert.Skip($"Skipped: {whyNot}.");
        await using var server = await ThrowAwayPostgres.StartAsync();
        await using var app = new App(server.ConnectionString);
        await app.InitializeAsync();
        using var manager = await app.ClientForAsync("ContractManager");
        using var anonymous = app.CreateClient();
        var contract = await ContractAsync(manager);

        var acknowledged = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var unexplained = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var name = $"Writer {writer} #{i}";
                using var response = await manager.PostAsJsonAsync("/odata/Indicators", new
                {
                    ContractId = contract, Code = $"K-{Guid.NewGuid():N}"[..12], Name = name, Unit = "%", Direction = "HigherIsBetter",
                    Category = "Performance", Target = 95, RedThreshold = 85, Frequency = "Monthly", Weight = 1,
                }, Ct);
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.Created)
                    acknowledged.Add(name);
                else if (response.Headers.RetryAfter is null)
                    unexplained.Add($"{(int)response.StatusCode} without Retry-After: {await response.Content.ReadAsStringAsync(Ct)}");
            }
        }, Ct)).ToList();

        await Task.Delay(1500, Ct);
        server.Stop();
        await Task.Delay(1500, Ct);
        using (var ready = await anonymous.GetAsync("/health/ready", Ct))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        await server.StartAgainAsync();

        // Back by itself: readiness and writes within seconds, without restarting the host.
        var back = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var ready = await anonymous.GetAsync("/health/ready", Ct);
            if (ready.StatusCode == HttpStatusCode.OK)
                break;
            Assert.True(DateTime.UtcNow < back, "Not ready 30 s after PostgreSQL came back");
            await Task.Delay(250, Ct);
        }

        var createdBefore = statuses.GetValueOrDefault(HttpStatusCode.Created);
        await Task.Delay(1500, Ct);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(unexplained.IsEmpty, string.Join("\n", unexplained.Take(5)));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.ServiceUnavailable) > 0, "No request met the outage");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.Created) > createdBefore, "No write succeeded after PostgreSQL came back");
        Assert.True(statuses.Keys.All(s => s is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable),
            "Only 201 and 503 are expected: " + string.Join(", ", statuses.Select(s => $"{(int)s.Key} x{s.Value}")));
        var names = (await manager.GetAllAsync($"/odata/Indicators?$filter=ContractId eq {contract}&$select=Name"))
            .Select(i => i.GetProperty("Name").GetString()!).ToHashSet();
        Assert.Equal([], acknowledged.Where(a => !names.Contains(a)).ToList());
    }
}
