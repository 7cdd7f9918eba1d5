using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Tendering;

public sealed class TenderingRulesTests(SqliteApp app)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ParticipationDeadline_UnderThirtyDaysFromANoticeSentToday_Is400CitingReg30()
    {
        TestClock.TravelTo(TestClock.Pcr2015Day); // Monday 3 June 2024
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var body = await RefusedAsync(lead, "/odata/Procurements", new
        {
            Reference = $"R30-{Guid.NewGuid():N}"[..20], Title = "Reg 30", DepartmentId = 1, Procedure = "CompetitiveDialogue", EstimatedValue = 1, ParticipationDeadline = "2024-07-02",
        }, HttpStatusCode.BadRequest);
        Assert.Contains("reg 30", body, StringComparison.Ordinal);
        Assert.Contains("3 July 2024", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoticeDate_IsStampedWhenSent_AndNoPatchMovesItOrTheDeadline()
    {
        TestClock.TravelTo(TestClock.Pcr2015Day);
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        await RefusedAsync(lead, "/odata/Procurements", new
        {
            Reference = $"BD-{Guid.NewGuid():N}"[..20], Title = "Back-dated", DepartmentId = 1, Procedure = "CompetitiveDialogue", EstimatedValue = 1, ContractNoticeSentOn = "2024-04-01",
        }, HttpStatusCode.BadRequest);
        var id = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveDialogue");
        await ApprovedAppraisalAsync(app, lead, id);
        await WorkflowApi.FireOkAsync(lead, (await WorkflowApi.InstanceAsync(lead, "Procurement", id)).GetProperty("Id").GetInt32(), "PublishContractNotice");
        var sent = await lead.GetJsonAsync($"/odata/Procurements({id})");
        Assert.Equal("2024-06-03", sent.GetProperty("ContractNoticeSentOn").GetString());
        Assert.Equal("2024-07-03", sent.GetProperty("ParticipationDeadline").GetString()); // 30 days on, a Wednesday
        foreach (var field in new object[] { new { ContractNoticeSentOn = "2024-04-01" }, new { ParticipationDeadline = "2024-06-05" }, new { Stage = "OutlineSolutions" }, new { Procedure = "CompetitiveFlexible" } })
        {
            using var patch = await lead.SendJsonAsync(HttpMethod.Patch, $"/odata/Procurements({id})", field, sent.ETag());
            Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        }

        var stage = (await lead.GetJsonAsync($"/odata/ProcurementStageDates?$filter=ProcurementId eq {id}")).GetProperty("value")[0];
        using var deadline = await lead.SendJsonAsync(HttpMethod.Patch, $"/odata/ProcurementStageDates({stage.GetProperty("Id").GetInt32()})", new { SubmissionDeadline = "2024-06-01T00:00:00Z" }, stage.ETag());
        Assert.Equal(HttpStatusCode.BadRequest, deadline.StatusCode);
        Assert.Equal("2024-06-03", (await lead.GetJsonAsync($"/odata/Procurements({id})")).GetProperty("ContractNoticeSentOn").GetString());
    }

    [Fact]
    public async Task RequestToParticipate_BeforeNoticeOrAfterTheClosingDay_IsRefused_AndShortlistWaitsForIt()
    {
        TestClock.TravelTo(TestClock.Pcr2015Day);
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var id = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveDialogue");
        using var supplier = await app.ClientForAsync("supplier@demo.local");
        Assert.Contains("participation-closed", await RefusedAsync(supplier, "/odata/Bidders", new { ProcurementId = id }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await ApprovedAppraisalAsync(app, lead, id);
        await WorkflowApi.FireOkAsync(lead, (await WorkflowApi.InstanceAsync(lead, "Procurement", id)).GetProperty("Id").GetInt32(), "PublishContractNotice");
        var bidder = await CreatedAsync(supplier, "/odata/Bidders", new { ProcurementId = id });
        Assert.Equal("2024-06-03", bidder.GetProperty("RequestedToParticipateOn").GetString());
        Assert.Contains("requests-still-open", await RefusedAsync(lead, $"/odata/Procurements({id})/Governance.Shortlist", new { BidderIds = new[] { bidder.GetProperty("Id").GetInt32() }, Reason = "Only one" }, HttpStatusCode.Conflict), StringComparison.Ordinal);

        TestClock.TravelTo(new DateTime(2024, 7, 3, 21, 0, 0, DateTimeKind.Utc)); // the closing day, late evening: still open
        using var leadThen = await app.ClientForAsync("ProcurementOfficer");
        Assert.Contains("requests-still-open", await RefusedAsync(leadThen, $"/odata/Procurements({id})/Governance.Shortlist", new { BidderIds = new[] { bidder.GetProperty("Id").GetInt32() }, Reason = "Only one" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        TestClock.TravelTo(new DateTime(2024, 7, 4, 9, 0, 0, DateTimeKind.Utc));
        using var late = await app.ClientForAsync("supplier2@demo.local");
        Assert.Contains("participation-late", await RefusedAsync(late, "/odata/Bidders", new { ProcurementId = id }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        using var leadNow = await app.ClientForAsync("ProcurementOfficer");
        await OkAsync(leadNow, $"/odata/Procurements({id})/Governance.Shortlist", new { BidderIds = new[] { bidder.GetProperty("Id").GetInt32() }, Reason = "Only one suitable candidate applied." });
    }

    [Fact]
    public async Task ProcurementRecords_ChangedOnlyByItsTeam_ByEveryWritePath()
    {
        TestClock.TravelTo(TestClock.Pcr2015Day);
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var id = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveDialogue");
        await CreatedAsync(lead, "/odata/BudgetLines", new { ProcurementId = id, Name = "Programme", Approved = 100000, Spent = 0 });
        using var other = await app.ClientForAsync("ContractManager"); // on the seeded team, not this one
        await RefusedAsync(other, "/odata/BudgetLines", new { ProcurementId = id, Name = "Mine", Approved = 1, Spent = 0 }, HttpStatusCode.Forbidden);
        await RefusedAsync(other, "/odata/RaidItems", new { ProcurementId = id, Kind = "Risk", Title = "x", Owner = "x", Rating = "Low" }, HttpStatusCode.Forbidden);
        await RefusedAsync(other, "/odata/ProcurementTeamMembers", new { ProcurementId = id, UserName = "contractmanager@demo.local", Role = "Lead" }, HttpStatusCode.Forbidden);

        // A procurement officer on no team: no PATCH, no archival, no trigger.
        using var admin = await app.ClientForAsync("Administrator");
        var email = $"officer-{Guid.NewGuid():N}@council.example";
        using (var created = await admin.PostJsonAsync("/auth/users", new { email, displayName = "Other officer", password = "Officer-password-1", roles = new[] { "ProcurementOfficer" } }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var outsider = app.CreateClient();
        outsider.DefaultRequestHeaders.Authorization = new("Bearer", await app.SignInAsync(email, "Officer-password-1"));
        var current = await lead.GetJsonAsync($"/odata/Procurements({id})");
        using (var patch = await outsider.SendJsonAsync(HttpMethod.Patch, $"/odata/Procurements({id})", new { Title = "Mine" }, current.ETag()))
            Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        using (var archive = new HttpRequestMessage(HttpMethod.Delete, $"/odata/Procurements({id})"))
        {
            archive.Headers.TryAddWithoutValidation("If-Match", current.ETag());
            using var archived = await outsider.SendAsync(archive, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, archived.StatusCode);
        }

        var instance = (await WorkflowApi.InstanceAsync(lead, "Procurement", id)).GetProperty("Id").GetInt32();
        using (var cancel = await WorkflowApi.FireAsync(outsider, instance, "Cancel", "Not my procurement"))
            Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);

        // Cancelled by its own lead, it takes no more changes.
        await WorkflowApi.FireOkAsync(lead, instance, "Cancel", "Requirement withdrawn by the cabinet.");
        var cancelled = await lead.GetJsonAsync($"/odata/Procurements({id})");
        using (var patch = await lead.SendJsonAsync(HttpMethod.Patch, $"/odata/Procurements({id})", new { Title = "After cancellation" }, cancelled.ETag()))
        {
            Assert.Equal(HttpStatusCode.Conflict, patch.StatusCode);
            Assert.Contains("procurement-closed", await patch.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Contains("procurement-closed", await RefusedAsync(lead, "/odata/BudgetLines", new { ProcurementId = id, Name = "Late", Approved = 1, Spent = 0 }, HttpStatusCode.Conflict), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CriteriaOfAnOpenStage_CannotBeAdded_AndOutsidersCannotEliminate()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        // The seeded procurement is at detailed solutions with criteria recorded before the stage opened...
        var kestrel = (await lead.GetJsonAsync("/odata/Bidders?$filter=ProcurementId eq 1&$expand=Supplier&$orderby=Id")).GetProperty("value")
            .EnumerateArray().Single(b => b.GetProperty("Supplier").GetProperty("Name").GetString()!.StartsWith("Kestrel", StringComparison.Ordinal));
        // ...but a criterion added now (were it allowed) would postdate it: adding one is refused outright.
        await RefusedAsync(lead, "/odata/EvaluationCriteria", new { ProcurementId = 1, Stage = "DetailedSolutions", Name = "New idea", Kind = "Quality", Weight = 5 }, HttpStatusCode.Conflict);
        // Nor is a fixed criterion reweighted, or dropped (criteria are never deleted): either would rescore every bid (reg 66).
        var fixedOne = (await lead.GetJsonAsync("/odata/EvaluationCriteria?$filter=ProcurementId eq 1 and Stage eq 'DetailedSolutions'&$orderby=Id&$top=1")).GetProperty("value")[0];
        var url = $"/odata/EvaluationCriteria({fixedOne.GetProperty("Id").GetInt32()})";
        using (var reweighted = await lead.SendJsonAsync(HttpMethod.Patch, url, new { Weight = 1 }, fixedOne.ETag()))
        {
            Assert.Equal(HttpStatusCode.Conflict, reweighted.StatusCode);
            Assert.Contains("criteria-fixed", await reweighted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        using (var dropped = await lead.SendJsonAsync(HttpMethod.Delete, url, null, fixedOne.ETag()))
            Assert.Equal(HttpStatusCode.MethodNotAllowed, dropped.StatusCode);
        Assert.Equal(fixedOne.GetProperty("Weight").GetDecimal(), (await lead.GetJsonAsync(url)).GetProperty("Weight").GetDecimal());
        using var councillor = await app.ClientForAsync("Councillor");
        await RefusedAsync(councillor, $"/odata/Bidders({kestrel.GetProperty("Id").GetInt32()})/Governance.Eliminate", new { Reason = "x" }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RunningLate_ListsTheSlippedSeedProcurement()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var late = await councillor.GetJsonAsync("/odata/Procurements/Governance.RunningLate()");
        var ccp = late.GetProperty("value").EnumerateArray().Single(p => p.GetProperty("Reference").GetString() == "CCP-2013-01");
        Assert.Equal("FinalTenders", ccp.GetProperty("OverdueStage").GetString());
        Assert.True(ccp.GetProperty("DaysLate").GetInt32() > 0);
        var timetable = await councillor.GetJsonAsync("/odata/Procurements(1)/Governance.Timetable()");
        var detailed = timetable.GetProperty("value").EnumerateArray().Single(s => s.GetProperty("Stage").GetString() == "DetailedSolutions");
        Assert.Equal(20, detailed.GetProperty("SlippageDays").GetInt32()); // planned 1 July 2014, began 21 July
    }

    [Fact]
    public async Task BadInput_NegativeMoneyImpossibleDatesAndTimetableOrder_Is400NamingTheFieldAndRule()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var id = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveFlexible");
        Assert.Contains("Approved is an amount of GBP 0 or more", await RefusedAsync(lead, "/odata/BudgetLines", new { ProcurementId = id, Name = "Programme", Approved = -5, Spent = 0 }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await RefusedAsync(lead, "/odata/Procurements", new { Reference = $"NEG-{Guid.NewGuid():N}"[..20], Title = "Negative", DepartmentId = 1, Procedure = "CompetitiveFlexible", EstimatedValue = -1 }, HttpStatusCode.BadRequest);
        await CreatedAsync(lead, "/odata/ProcurementStageDates", new { ProcurementId = id, Stage = "DetailedSolutions", PlannedOn = "2027-06-01" });
        Assert.Contains("timetable-order", await RefusedAsync(lead, "/odata/ProcurementStageDates", new { ProcurementId = id, Stage = "FinalTenders", PlannedOn = "2027-05-01" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);

        // A dialogue session of the seeded procurement recorded for 2031, or before its stage opened.
        var bidder = (await lead.GetJsonAsync("/odata/Bidders?$filter=ProcurementId eq 1 and Status eq 'InDialogue'&$top=1")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        foreach (var heldOn in new[] { "2031-01-15", "2014-01-06" })
        {
            var body = await RefusedAsync(lead, "/odata/DialogueSessions", new { ProcurementId = 1, BidderId = bidder, HeldOn = heldOn, Attendees = "x", Minutes = "x" }, HttpStatusCode.BadRequest);
            Assert.Contains("dialogue-session-date", body, StringComparison.Ordinal);
            Assert.Contains("HeldOn", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunningLate_LeavesOutACancelledProcurement()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var id = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveFlexible");
        await CreatedAsync(lead, "/odata/ProcurementStageDates", new { ProcurementId = id, Stage = "SelectionQuestionnaire", PlannedOn = "2026-01-05" });
        Assert.Contains((await lead.GetJsonAsync("/odata/Procurements/Governance.RunningLate()")).GetProperty("value").EnumerateArray(), p => p.GetProperty("ProcurementId").GetInt32() == id);
        await WorkflowApi.FireOkAsync(lead, (await WorkflowApi.InstanceAsync(lead, "Procurement", id)).GetProperty("Id").GetInt32(), "Cancel", "The service stays in house.");
        Assert.DoesNotContain((await lead.GetJsonAsync("/odata/Procurements/Governance.RunningLate()")).GetProperty("value").EnumerateArray(), p => p.GetProperty("ProcurementId").GetInt32() == id);
    }

    [Fact]
    public async Task TenderingActions_MalformedBodies_Are4xxNeverA500()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var id = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveFlexible");
        var ct = TestContext.Current.CancellationToken;
        (string Url, string Body)[] attempts =
        [
            ($"/odata/Procurements({id})/Governance.SetSubmissionDeadline", "{}"),
            ($"/odata/Procurements({id})/Governance.SetSubmissionDeadline", """{"Stage":"FinalTenders","Deadline":"not a date"}"""),
            ($"/odata/Procurements({id})/Governance.SetSubmissionDeadline", """{"Stage":"Standstill","Deadline":"2030-01-01T00:00:00Z"}"""),
            ($"/odata/Procurements({id})/Governance.SetSubmissionDeadline", """{"Stage":"99","Deadline":"2030-01-01T00:00:00Z"}"""),
            ($"/odata/Procurements({id})/Governance.ExtendDeadline", """{"Stage":"FinalTenders","Deadline":"2030-01-01T00:00:00Z"}"""),
            ($"/odata/Procurements({id})/Governance.OpenSubmissions", """{"Stage":null}"""),
            ("/odata/Procurements(987654)/Governance.OpenSubmissions", """{"Stage":"FinalTenders"}"""),
            ("/odata/TenderChangeRequests(987654)/Governance.Decide", """{"Approved":true}"""),
            ("/odata/TenderChangeRequests(1)/Governance.Decide", """{"Approved":"maybe"}"""),
            ("/odata/TenderChangeRequests", $$"""{"ProcurementId":{{id}},"BidderId":987654,"Kind":"Clarification","Request":"x"}"""),
            ("/odata/TenderChangeRequests", """{"ProcurementId":987654,"BidderId":1,"Kind":"Clarification","Request":"x"}"""),
            ("/odata/SignOffRequests", """{"SubjectType":"Nothing","SubjectId":1,"Gate":"award","RequiredRole":"StatutoryOfficer"}"""),
            ("/odata/SignOffRequests", $$"""{"SubjectType":"Procurement","SubjectId":{{id}},"Gate":"award","RequiredRole":"Mayor"}"""),
        ];
        foreach (var (url, body) in attempts)
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await lead.PostAsync(url, content, ct);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"POST {url} {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        using var missing = await lead.GetAsync("/odata/OptionsAppraisals(987654)/Governance.WeightedScores()", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
