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
        // Each item's Part A and Part B, then the combined pack; the job lists each document it produced.
        Assert.Equal(2 * done.GetProperty("ItemsTotal").GetInt32() + 1, written);
        var ids = done.GetProperty("DocumentIds").GetString()!.Split(", ").Select(int.Parse).ToList();
        Assert.Equal(written, ids.Count);
        var kinds = new List<string>();
        foreach (var documentId in ids)
            kinds.Add((await dso.GetJsonAsync($"/odata/PublishedDocuments({documentId})")).GetProperty("Kind").GetString()!);
        Assert.Equal(["CommitteePaper", "ExemptAppendix", "MeetingPack"], kinds);

        // The pack is public: an agenda front sheet, then the Part A paper; the exempt appendix is named, never included.
        using var visitor = app.CreateClient();
        using var packResponse = await visitor.GetAsync($"/meetings/{meeting}/pack", Ct);
        Assert.Equal(HttpStatusCode.OK, packResponse.StatusCode);
        var pack = CommitteePaperApiTests.Text(await packResponse.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Overview and Scrutiny Commission: agenda and papers, 29 September 2015", pack, StringComparison.Ordinal);
        Assert.Contains("appendix, paragraph 4, members only", pack, StringComparison.Ordinal);
        Assert.Contains("the exempt appendix of item 4, which contains exempt information under Schedule 12A", pack, StringComparison.Ordinal);
        Assert.Contains("1 Purpose of report and executive summary", pack, StringComparison.Ordinal);
        Assert.DoesNotContain("Not for publication", pack, StringComparison.Ordinal);
        Assert.Contains($"/meetings/{meeting}/pack", await visitor.GetStringAsync($"/meetings/{meeting}", Ct), StringComparison.Ordinal);
        var after = (await dso.GetJsonAsync($"/odata/PublishedDocuments?$count=true&$top=0")).GetProperty("@odata.count").GetInt32();
        // A paper identical to one already published is that version, not a new one: the count rises by at most what was written.
        Assert.InRange(after - before, 0, written);

        using var councillor = await app.ClientForAsync("Councillor");
        using var forbidden = await councillor.GetAsync($"/odata/DocumentJobs({id})", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
