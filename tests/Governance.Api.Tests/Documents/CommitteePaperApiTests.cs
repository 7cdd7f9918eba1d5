using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using UglyToad.PdfPig;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Documents;

/// <summary>
/// Committee papers for the seed meeting, generated through the API: Part A public with nothing exempt in it,
/// Part B only for the committee, every publication a new immutable version with its SHA-256.
/// </summary>
public sealed class CommitteePaperApiTests(SqliteApp app)
{
    // Seed: agenda item 1 is the Customer Contact Programme paper; its section 8 has bidders' prices marked exempt (paragraph 3).
    private const int SeedItem = 1;
    private static readonly string[] ExemptStrings = ["indicative prices", "£1.9m to £2.6m", "Bidders' indicative prices", "best value in final tenders"];

    internal static async Task<(byte[] Pdf, HttpResponseMessage Response)> GenerateAsync(HttpClient client, string url, object? body = null)
    {
        var response = await client.PostJsonAsync(url, body ?? new { });
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return (bytes, response);
    }

    internal static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    [Fact]
    public async Task PartA_IsAPdfOfTheSeedPaper_WithNoExemptString_AndIsFiledWithItsHash()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var (pdf, response) = await GenerateAsync(dso, $"/odata/AgendaItems({SeedItem})/Governance.GeneratePaper", new { Part = "A" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^2014-10-07-item-5-customer-contact-programme-update-part-a-v\d+\.pdf$", response.Content.Headers.ContentDisposition?.FileName);
        var text = Text(pdf);
        Assert.Contains("1 Purpose of report and executive summary", text);
        Assert.Contains("14 Background papers", text);
        Assert.Contains("Schedule 12A", text);
        foreach (var secret in ExemptStrings)
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);

        var id = int.Parse(response.Headers.GetValues("X-Document-Id").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var record = await dso.GetJsonAsync($"/odata/PublishedDocuments({id})");
        Assert.Equal("CommitteePaper", record.GetProperty("Kind").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), record.GetProperty("Sha256").GetString());
        Assert.Equal(pdf.Length, record.GetProperty("SizeBytes").GetInt64());
        Assert.Equal("democraticservicesofficer@demo.local", record.GetProperty("PublishedBy").GetString());

        // Anyone on the council reads the public paper, byte for byte as published.
        using var union = await app.ClientForAsync("UnionRepresentative");
        using var download = await union.GetAsync($"/odata/PublishedDocuments({id})/Governance.Download()", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        // Never changed, so revalidated by its hash: a reader who has it gets 304 and no bytes; never in a shared cache.
        Assert.Equal($"\"{record.GetProperty("Sha256").GetString()}\"", download.Headers.ETag?.Tag);
        Assert.True(download.Headers.CacheControl is { Private: true, NoCache: true, Public: false }, $"{download.Headers.CacheControl}");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/odata/PublishedDocuments({id})/Governance.Download()");
        again.Headers.IfNoneMatch.Add(download.Headers.ETag!);
        using var cached = await union.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Empty(await cached.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Regenerating_TheSamePaper_IsTheSameVersion_AndAChangedOneANewVersion_ThatNeverTouchesTheOld()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var meeting = (await CreatedAsync(dso, "/odata/Meetings", new { CommitteeId = 1, StartsAt = "2027-05-11T18:00:00Z", Venue = "Council Chamber" })).GetProperty("Id").GetInt32();
        var item = (await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 4, Title = "Library opening hours", Recommendations = "Note the report." })).GetProperty("Id").GetInt32();
        var (first, firstResponse) = await GenerateAsync(dso, $"/odata/AgendaItems({item})/Governance.GeneratePaper", new { Part = "A" });
        var firstId = firstResponse.Headers.GetValues("X-Document-Id").Single();
        var before = await dso.GetJsonAsync($"/odata/PublishedDocuments({firstId})");

        // Nothing changed: the same file, the same version (one paper reached 16 identical versions before).
        var (same, sameResponse) = await GenerateAsync(dso, $"/odata/AgendaItems({item})/Governance.GeneratePaper", new { Part = "A" });
        Assert.Equal(firstId, sameResponse.Headers.GetValues("X-Document-Id").Single());
        Assert.Equal(first, same);

        using (var changed = await dso.SendJsonAsync(HttpMethod.Patch, $"/odata/AgendaItems({item})", new { Recommendations = "Agree the new opening hours." }, "*"))
            Assert.True(changed.IsSuccessStatusCode);
        var (_, secondResponse) = await GenerateAsync(dso, $"/odata/AgendaItems({item})/Governance.GeneratePaper", new { Part = "A" });
        var second = await dso.GetJsonAsync($"/odata/PublishedDocuments({secondResponse.Headers.GetValues("X-Document-Id").Single()})");

        Assert.Equal(before.GetProperty("Version").GetInt32() + 1, second.GetProperty("Version").GetInt32());
        var after = await dso.GetJsonAsync($"/odata/PublishedDocuments({firstId})");
        Assert.Equal(before.GetProperty("Sha256").GetString(), after.GetProperty("Sha256").GetString());
        Assert.Equal(before.GetProperty("PublishedAt").GetString(), after.GetProperty("PublishedAt").GetString());
        using var download = await dso.GetAsync($"/odata/PublishedDocuments({firstId})/Governance.Download()", TestContext.Current.CancellationToken);
        Assert.Equal(first, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        // Published documents are read-only: no update, no delete.
        using var patch = await dso.SendJsonAsync(HttpMethod.Patch, $"/odata/PublishedDocuments({firstId})", new { Title = "changed" }, before.ETag());
        Assert.True(patch.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"PATCH gave {(int)patch.StatusCode}");
    }

    [Fact]
    public async Task APastMeetingsPaper_ShowsThePositionAsAtTheMeeting_AndRegeneratedLater_IsTheSameVersion()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var items = await dso.GetJsonAsync("/odata/AgendaItems?$filter=startswith(Title,'Shared services contract: contact centre')&$select=Id");
        var item = items.GetProperty("value")[0].GetProperty("Id").GetInt32();
        var (pdf, response) = await GenerateAsync(dso, $"/odata/AgendaItems({item})/Governance.GeneratePaper", new { Part = "A" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(pdf);

        // The seed's contract has escalations opened by the slip rules when the seed ran (today): the 2015 paper lists
        // only the case open at the meeting, on the rung and in the state it was in then, and the plan's actions as
        // they stood (one done before the meeting, one done after it, one that was missed months later).
        Assert.Contains("1 escalation is open on the contracts in this report", text);
        Assert.Contains("SSO-2012-001 consecutive Director – 10 August 2015 Remediation amber agreed", text);
        Assert.Contains("Mark Osei 1 Oct 2015 Done", text);
        Assert.Contains("Meridian contact 30 Nov 2015 Open", text);
        Assert.Contains("Head of Business 31 Jan 2016 Open", text);
        Assert.DoesNotContain("Missed", text);
        // Returns recorded after the meeting are not in it: the latest is August's, not September's.
        Assert.Contains("SSO-KPI-03 Contact centre calls answered within 80% 77.8% Aug 15 Amber Verified", text);

        // Regenerated later, the same figures: the same bytes, so the same published version.
        var (again, againResponse) = await GenerateAsync(dso, $"/odata/AgendaItems({item})/Governance.GeneratePaper", new { Part = "A" });
        Assert.Equal(pdf, again);
        Assert.Equal(response.Headers.GetValues("X-Document-Id").Single(), againResponse.Headers.GetValues("X-Document-Id").Single());
    }

    [Fact]
    public async Task PartB_HoldsTheExemptMaterial_ForTheCommitteeOnly()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var (pdf, response) = await GenerateAsync(dso, $"/odata/AgendaItems({SeedItem})/Governance.GeneratePaper", new { Part = "B" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(pdf);
        Assert.Contains("£1.9m to £2.6m", text);
        Assert.Contains("NOT FOR PUBLICATION", text);
        var id = response.Headers.GetValues("X-Document-Id").Single();
        Assert.Equal("3", (await dso.GetJsonAsync($"/odata/PublishedDocuments({id})")).GetProperty("ExemptParagraphs").GetString());

        // The chair of the committee reads it; the union representative (a co-opted member) does not, by list, read or download.
        using var chair = await app.ClientForAsync("Councillor");
        using var ok = await chair.GetAsync($"/odata/PublishedDocuments({id})/Governance.Download()", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True(ok.Headers.CacheControl?.NoStore, "a Part B download is never stored by a cache");
        using var union = await app.ClientForAsync("UnionRepresentative");
        Assert.Equal(0, (await union.GetJsonAsync($"/odata/PublishedDocuments?$filter=Id eq {id}")).Count());
        Assert.Equal(0, (await union.GetJsonAsync("/odata/PublishedDocuments?$filter=Kind eq 'ExemptAppendix'")).Count());
        using var read = await union.GetAsync($"/odata/PublishedDocuments({id})", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        using var hidden = await union.GetAsync($"/odata/PublishedDocuments({id})/Governance.Download()", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("1.9m", await hidden.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequests_GetClearErrors()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var wrongPart = await RefusedAsync(dso, $"/odata/AgendaItems({SeedItem})/Governance.GeneratePaper", new { Part = "C" }, HttpStatusCode.BadRequest);
        Assert.Contains("(the public paper) or", wrongPart, StringComparison.Ordinal);
        await RefusedAsync(dso, "/odata/AgendaItems(99999)/Governance.GeneratePaper", new { Part = "A" }, HttpStatusCode.NotFound);

        // An item with nothing exempt has no Part B.
        var meeting = (await dso.GetJsonAsync("/odata/Meetings?$top=1")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var item = (await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 90, Title = "Minutes of the last meeting" })).GetProperty("Id").GetInt32();
        var noPartB = await RefusedAsync(dso, $"/odata/AgendaItems({item})/Governance.GeneratePaper", new { Part = "B" }, HttpStatusCode.Conflict);
        Assert.Contains("no-exempt-information", noPartB, StringComparison.Ordinal);

        // Only democratic services publish papers; suppliers cannot read published documents at all.
        using var councillor = await app.ClientForAsync("Councillor");
        await RefusedAsync(councillor, $"/odata/AgendaItems({SeedItem})/Governance.GeneratePaper", new { Part = "A" }, HttpStatusCode.Forbidden);
        using var supplier = await app.ClientForAsync("Supplier");
        using var list = await supplier.GetAsync("/odata/PublishedDocuments", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Fact]
    public async Task PaperSections_AreWrittenByOfficers_AndAppearNumberedInThePaper()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var meeting = (await dso.GetJsonAsync("/odata/Meetings?$top=1")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var item = (await CreatedAsync(dso, "/odata/AgendaItems", new
        {
            MeetingId = meeting, Number = 91, Title = "Waste collection contract: interim review", Wards = "All",
            Recommendations = "That the committee notes the review.\nThat officers report again in six months.",
        })).GetProperty("Id").GetInt32();
        using var manager = await app.ClientForAsync("ContractManager");
        await CreatedAsync(manager, "/odata/PaperSections", new { AgendaItemId = item, Number = 1, Body = "The review found **missed bins** falling.\n\nComplaints fell by a third." });
        await CreatedAsync(manager, "/odata/PaperSections", new { AgendaItemId = item, Number = 4, Subheading = "Depot move", Body = "The depot moves in spring." });
        await RefusedAsync(manager, "/odata/PaperSections", new { AgendaItemId = item, Number = 15, Body = "x" }, HttpStatusCode.BadRequest);
        await RefusedAsync(manager, "/odata/PaperSections", new { AgendaItemId = 99999, Number = 2, Body = "x" }, HttpStatusCode.BadRequest);
        using var union = await app.ClientForAsync("UnionRepresentative");
        await RefusedAsync(union, "/odata/PaperSections", new { AgendaItemId = item, Number = 2, Body = "x" }, HttpStatusCode.Forbidden);

        var (pdf, response) = await GenerateAsync(dso, $"/odata/AgendaItems({item})/Governance.GeneratePaper", new { Part = "A" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(pdf);
        Assert.Contains("A. That the committee notes the review. B. That officers report again in six months.", text);
        Assert.Contains("1.1 The review found missed bins falling. 1.2 Complaints fell by a third.", text);
        Assert.Contains("Depot move 4.1 The depot moves in spring.", text);
        // Publishing Part A opens the paper to inspection.
        Assert.NotEqual(JsonValueKind.Null, (await dso.GetJsonAsync($"/odata/AgendaItems({item})")).GetProperty("PaperPublishedAt").ValueKind);
    }
}
