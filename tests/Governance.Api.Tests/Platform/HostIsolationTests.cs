using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Platform;

/// <summary>
/// Several hosts share the test process, and Hangfire keeps process-wide state. A host that stops must not
/// break the ones still running: this once made every request to the meetings controller (which takes a
/// Hangfire job client) fail with 500 on CI, in whichever tests ran after another host stopped.
/// </summary>
public sealed class HostIsolationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AHostThatStops_LeavesTheOthersCreatingJobClients()
    {
        await using var running = new IsolatedSqliteApp();
        await running.InitializeAsync();
        using var dso = await running.ClientForAsync("DemocraticServicesOfficer");

        var stopping = new IsolatedSqliteApp();
        await stopping.InitializeAsync();
        await stopping.DisposeAsync();

        // The first request to the controller creates the running host's job client.
        using var meetings = await dso.GetAsync("/odata/Meetings?$top=1", Ct);
        Assert.True(meetings.StatusCode == HttpStatusCode.OK, $"GET /odata/Meetings answered {(int)meetings.StatusCode}: {await meetings.Content.ReadAsStringAsync(Ct)}");
    }
}
