using System.Net;
using System.Text.RegularExpressions;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Democratic services run a meeting in the portal: add it and its items, write a section and preview the paper,
/// publish Part A (Part B refused when nothing is exempt), record a decision, consider a call-in, build the pack;
/// each lands in the same records the API writes. Nobody else gets in.
/// </summary>
public sealed partial class PortalManageTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"^/manage/meetings/(\d+)$")]
    private static partial Regex MeetingPath();

    [GeneratedRegex(@"#item-(\d+)$")]
    private static partial Regex ItemAnchor();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, page);
        return await client.PostAsync(handler.Length == 0 ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task OnlyDemocraticServices_ManageMeetings()
    {
        using var visitor = PortalClient.Anonymous(app);
        using (var anonymous = await visitor.GetAsync("/manage", Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/sign-in", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using (var forbidden = await councillor.GetAsync("/manage/meetings/1", Ct))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("Manage meetings", await councillor.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficer_RunsAMeeting_FromAgendaToPack()
    {
        using var dso = await PortalClient.SignedInAsync(app, "DemocraticServicesOfficer");
        Assert.Contains("Manage meetings", await dso.GetStringAsync("/", Ct), StringComparison.Ordinal);
        using (var empty = await PostAsync(dso, "/manage", "", new() { ["committee"] = "", ["venue"] = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            var page = await empty.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Choose the committee", page, StringComparison.Ordinal);
            Assert.Contains("Enter the date of the meeting", page, StringComparison.Ordinal);
        }
        using var added = await PostAsync(dso, "/manage", "", new() { ["committee"] = "1", ["date"] = "2027-06-15", ["time"] = "18:30", ["venue"] = "Council Chamber" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var meetingPage = added.Headers.Location!.OriginalString;
        var meeting = int.Parse(MeetingPath().Match(meetingPage).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        using var item = await PostAsync(dso, meetingPage, "Item", new() { ["number"] = "3", ["title"] = "Review of parking enforcement", ["leadOfficer"] = "Priya Shah" });
        Assert.Equal(HttpStatusCode.Redirect, item.StatusCode);
        var itemId = int.Parse(ItemAnchor().Match(item.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Due by 7 June 2027", await dso.GetStringAsync(meetingPage, Ct), StringComparison.Ordinal); // five clear working days before

        using (var section = await PostAsync(dso, $"/manage/items/{itemId}", "", new() { ["number"] = "1", ["body"] = "This report reviews parking enforcement since the contract began." }))
            Assert.Equal(HttpStatusCode.Redirect, section.StatusCode);
        var preview = await dso.GetStringAsync($"/manage/items/{itemId}", Ct);
        Assert.Contains("This report reviews parking enforcement since the contract began.", preview, StringComparison.Ordinal);
        Assert.Contains("Not published", preview, StringComparison.Ordinal);

        using (var partA = await PostAsync(dso, meetingPage, "Publish", new() { ["item"] = $"{itemId}", ["part"] = "A" }))
            Assert.Equal(HttpStatusCode.Redirect, partA.StatusCode);
        using (var partB = await PostAsync(dso, meetingPage, "Publish", new() { ["item"] = $"{itemId}", ["part"] = "B" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, partB.StatusCode);
            Assert.Contains("Nothing in this paper is marked exempt", await partB.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        var managed = await dso.GetStringAsync(meetingPage, Ct);
        Assert.Contains("Part A (public paper)", managed, StringComparison.Ordinal);
        Assert.Contains("Went out for the meeting", managed, StringComparison.Ordinal); // published before the meeting: this version went out
        using var api = await app.ClientForAsync("DemocraticServicesOfficer");
        Assert.NotEqual(JsonValueKindNull, (await api.GetJsonAsync($"/odata/AgendaItems({itemId})")).GetProperty("PaperPublishedAt").ValueKind);

        using (var decision = await PostAsync(dso, meetingPage, "Decision", new() { ["item"] = $"{itemId}", ["outcome"] = "Extend the enforcement contract by one year.", ["votesFor"] = "8", ["votesAgainst"] = "1", ["abstentions"] = "0" }))
            Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        var recorded = (await api.GetJsonAsync($"/odata/Decisions?$filter=AgendaItemId eq {itemId}")).GetProperty("value")[0];
        Assert.Equal("NotCalledIn", recorded.GetProperty("CallIn").GetString());
        using var councillor = await app.ClientForAsync("Councillor");
        using (var callIn = await councillor.PostJsonAsync($"/odata/Decisions({recorded.GetProperty("Id").GetInt32()})/Governance.CallIn", new { Reason = "The options were not costed." }))
            Assert.Equal(HttpStatusCode.OK, callIn.StatusCode);
        Assert.Contains("Record the resolution", await dso.GetStringAsync(meetingPage, Ct), StringComparison.Ordinal);
        using (var noChoice = await PostAsync(dso, meetingPage, "CallIn", new() { ["decision"] = $"{recorded.GetProperty("Id").GetInt32()}", ["minute"] = "" }))
            Assert.Equal(HttpStatusCode.BadRequest, noChoice.StatusCode);
        using (var considered = await PostAsync(dso, meetingPage, "CallIn", new() { ["decision"] = $"{recorded.GetProperty("Id").GetInt32()}", ["referBack"] = "false", ["minute"] = "The committee lets the decision stand." }))
            Assert.Equal(HttpStatusCode.Redirect, considered.StatusCode);
        Assert.Equal("Confirmed", (await api.GetJsonAsync($"/odata/Decisions({recorded.GetProperty("Id").GetInt32()})")).GetProperty("CallIn").GetString());

        using (var pack = await PostAsync(dso, meetingPage, "Pack", []))
            Assert.Equal(HttpStatusCode.Redirect, pack.StatusCode);
        var job = (await api.GetJsonAsync($"/odata/DocumentJobs?$filter=MeetingId eq {meeting}")).GetProperty("value")[0];
        Assert.Equal("Queued", job.GetProperty("Status").GetString());
        Assert.Contains("Pack builds, the latest first", await dso.GetStringAsync(meetingPage, Ct), StringComparison.Ordinal);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task APaperPastItsDeadline_IsShownOverdue()
    {
        using var api = await app.ClientForAsync("DemocraticServicesOfficer");
        var meeting = (await TenderApi.CreatedAsync(api, "/odata/Meetings", new { CommitteeId = 1, StartsAt = DateTime.UtcNow.AddDays(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture), Venue = "Committee Room 1" })).GetProperty("Id").GetInt32();
        await TenderApi.CreatedAsync(api, "/odata/AgendaItems", new { MeetingId = meeting, Number = 1, Title = "Late business" });

        using var dso = await PortalClient.SignedInAsync(app, "DemocraticServicesOfficer");
        Assert.Contains("Overdue: the deadline was", await dso.GetStringAsync($"/manage/meetings/{meeting}", Ct), StringComparison.Ordinal);
        Assert.Contains("1 overdue", await dso.GetStringAsync("/manage", Ct), StringComparison.Ordinal);
    }
}
