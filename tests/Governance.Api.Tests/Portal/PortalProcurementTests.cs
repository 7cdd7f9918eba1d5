using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's procurement workspace: the team sees a procurement's next steps with the guards not yet met in words,
/// moves it on through the same workflow commands as the API (and anyone off the team is refused as the API refuses
/// them), answers and publishes a bidder's question; the evaluation matrix is the team's only, and downloads as CSV.
/// </summary>
public sealed class PortalProcurementTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    private static async Task<string> PageAsync(HttpClient client, string page) => WebUtility.HtmlDecode(await client.GetStringAsync(page, Ct));

    [Fact]
    public async Task TheLead_SeesWhyAStepCannotBeTakenYet_ThenTakesIt_AndSomeoneOffTheTeamIsRefused()
    {
        TestClock.TravelTo(new DateTime(2024, 6, 3, 9, 0, 0, DateTimeKind.Utc));
        using var api = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(api, "CompetitiveDialogue");
        var page = $"/work/procurements/{procurement}";

        using var lead = await PortalClient.SignedInAsync(app, "ProcurementOfficer");
        var before = await PageAsync(lead, page);
        Assert.Contains("Publish contract notice: to Selection questionnaire", before, StringComparison.Ordinal);
        Assert.Contains("An options appraisal with an in-house comparator is approved.", before, StringComparison.Ordinal);

        using (var early = await PostAsync(lead, page, "Fire", new() { ["trigger"] = "PublishContractNotice" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("cannot fire yet", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }

        await ApprovedAppraisalAsync(app, api, procurement);
        using (var moved = await PostAsync(lead, page, "Fire", new() { ["trigger"] = "PublishContractNotice", ["comment"] = "Notice sent to Find a Tender." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            Assert.Equal($"{page}?done=moved#next-steps", moved.Headers.Location?.OriginalString);
        }
        Assert.Equal("SelectionQuestionnaire", (await api.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());
        var after = await PageAsync(lead, page);
        Assert.Contains("Notice sent to Find a Tender.", after, StringComparison.Ordinal);
        Assert.Contains("procurementofficer@demo.local", after, StringComparison.Ordinal);

        // A contract manager reads the procurement's open records but is not on its team: no steps, and a forged post is refused.
        using var outsider = await PortalClient.SignedInAsync(app, "ContractManager");
        var theirs = await PageAsync(outsider, page);
        Assert.Contains("Only the procurement's team can move it on", theirs, StringComparison.Ordinal);
        using (var forged = await PostAsync(outsider, page, "Fire", new() { ["trigger"] = "Cancel", ["comment"] = "Not mine to cancel." }))
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("SelectionQuestionnaire", (await api.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());

        // A comment longer than the step's record holds is said to be too long, here and through the API, and nothing moves.
        using (var tooLong = await PostAsync(lead, page, "Fire", new() { ["trigger"] = "Cancel", ["comment"] = new string('x', 4001) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
            Assert.Contains("Keep the comment to 4,000 characters", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        var instance = (await InstanceAsync(api, "Procurement", procurement)).GetProperty("Id").GetInt32();
        using (var viaApi = await FireAsync(api, instance, "Cancel", new string('x', 4001)))
            Assert.Equal(HttpStatusCode.BadRequest, viaApi.StatusCode);
        Assert.Equal("SelectionQuestionnaire", (await api.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());

        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using (var refused = await councillor.GetAsync("/work/procurements", Ct))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var missing = await lead.GetAsync("/work/procurements/999999", Ct))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task TheList_ShowsTheCallersRole_AndDownloadsTheSameRowsAsCsv()
    {
        using var lead = await PortalClient.SignedInAsync(app, "ProcurementOfficer");
        var list = await PageAsync(lead, "/work/procurements?search=CCP-2013");
        Assert.Contains("CCP-2013-01", list, StringComparison.Ordinal);
        Assert.DoesNotContain("CEP-2015-01", list, StringComparison.Ordinal);
        Assert.Contains("Running late", list, StringComparison.Ordinal);

        using var csv = await lead.GetAsync("/work/procurements?search=CCP-2013&format=csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("\"CCP-2013-01\",", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"Lead\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"FinalTenders\"", lines[1], StringComparison.Ordinal); // the stage running late
        using var other = await lead.GetAsync("/work/procurements?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task TheEvaluationMatrix_IsTheTeamsOnly_AndItsCsvHasEveryScore()
    {
        using var api = await app.ClientForAsync("ProcurementOfficer");
        var ccp = (await api.GetJsonAsync("/odata/Procurements?$filter=Reference eq 'CCP-2013-01'")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var scores = (await api.GetJsonAsync($"/odata/Scores?$filter=ProcurementId eq {ccp}&$count=true")).GetProperty("value").GetArrayLength();
        Assert.True(scores > 0);

        using var lead = await PortalClient.SignedInAsync(app, "ProcurementOfficer");
        var page = await PageAsync(lead, $"/work/procurements/{ccp}/evaluation?stage=DetailedSolutions");
        Assert.Contains("Oakfield Digital Ltd", page, StringComparison.Ordinal);
        Assert.Contains("Weighted totals out of 100", page, StringComparison.Ordinal);

        using var csv = await lead.GetAsync($"/work/procurements/{ccp}/evaluation?stage=DetailedSolutions&format=csv", Ct);
        var rows = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Stage\",\"Criterion\",\"Weight\",\"Bidder\",\"Scored by\",\"Score\",\"Version\",\"Void\",\"Justification or rationale\"", rows[0]);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("\"DetailedSolutions\",", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("\"Moderated by ", StringComparison.Ordinal));

        // Not on the team (the SLA owner), not in the list of people who score at all (a councillor), or a supplier: nothing.
        using var slaOwner = await PortalClient.SignedInAsync(app, "SlaOwner");
        using (var notTeam = await slaOwner.GetAsync($"/work/procurements/{ccp}/evaluation?format=csv", Ct))
            Assert.Equal(HttpStatusCode.NotFound, notTeam.StatusCode);
        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using (var refused = await councillor.GetAsync($"/work/procurements/{ccp}/evaluation", Ct))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var supplier = await PortalClient.SignedInAsync(app, "Supplier2");
        using (var bidder = await supplier.GetAsync($"/work/procurements/{ccp}/evaluation", Ct))
            Assert.Equal(HttpStatusCode.Forbidden, bidder.StatusCode);
        using (var bidderPage = await supplier.GetAsync($"/work/procurements/{ccp}", Ct))
            Assert.Equal(HttpStatusCode.Forbidden, bidderPage.StatusCode);
    }
}
