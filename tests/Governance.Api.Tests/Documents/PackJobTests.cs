using System.Net;
using Governance.Api.Features.Documents;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Documents;

/// <summary>A meeting's pack in the background: queued with 202, progress readable, safe to run twice.</summary>
public sealed class PackJobTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GeneratePack_QueuesAJob_WhoseProgressIsRead_AndWhichRunsOnce()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        // The 2015 meeting: one item, a contract paper with an exempt section (paragraph 4), so Part A and Part B.
        var meeting = (await dso.GetJsonAsync("/odata/Meetings?$filter=year(StartsAt) eq 2015 and CommitteeId eq 1")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var before = (await dso.GetJsonAsync($"/odata/PublishedDocuments?$count=true&$top=0")).GetProperty("@odata.count").GetInt32();

        using var queued = await dso.PostJsonAsync($"/odata/Meetings({meeting})/Governance.GeneratePack", new { });
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var job = await queued.JsonAsync();
        Assert.Equal("Queued", job.GetProperty("Status").GetString());
        var id = job.GetProperty("Id").GetInt32();
        Assert.EndsWith($"/odata/DocumentJobs({id})", queued.Headers.Location!.ToString(), StringComparison.Ordinal);

        // The test host runs no Hangfire server: run the job as the server would, twice; the second run writes nothing.
        var counts = new List<int>();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GeneratePackJob>().RunAsync(id, Ct);
            counts.Add((await dso.GetJsonAsync($"/odata/PublishedDocuments?$count=true&$top=0")).GetProperty("@odata.count").GetInt32());
        }
        Assert.Equal(counts[0], counts[1]);

        var done = await dso.GetJsonAsync($"/odata/DocumentJobs({id})");
        Assert.Equal("Completed", done.GetProperty("Status").GetString());
        Assert.Equal(done.GetProperty("ItemsTotal").GetInt32(), done.GetProperty("ItemsDone").GetInt32());
        Assert.Equal(100, done.GetProperty("PercentComplete").GetInt32());
        var written = done.GetProperty("DocumentsWritten").GetInt32();
        Assert.Equal(2 * done.GetProperty("ItemsTotal").GetInt32(), written);
        var after = (await dso.GetJsonAsync($"/odata/PublishedDocuments?$count=true&$top=0")).GetProperty("@odata.count").GetInt32();
        // A paper identical to one already published is that version, not a new one: the count rises by at most what was written.
        Assert.InRange(after - before, 0, written);

        using var councillor = await app.ClientForAsync("Councillor");
        using var forbidden = await councillor.GetAsync($"/odata/DocumentJobs({id})", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
