using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Tendering;

/// <summary>
/// A Procurement Act 2023 competitive flexible procedure from the tender notice to a contract: the closing day rolled
/// past Easter, union consultation before the notice, assessment summaries (s.50) before the contract award notice,
/// a standstill of eight working days beginning with the notice's day that skips a Northern Irish bank holiday (s.123), and
/// a challenge upheld, after which the award decision is re-made and a new standstill begins.
/// </summary>
[Collection(TimerTests.Name)]
public sealed class CompetitiveFlexibleEndToEndTests(SqliteApp app)
{
    private static DateTime At(int month, int day, int hour) => new(2027, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static string Iso(DateTime instant) => instant.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task CompetitiveFlexible_TenderNoticeToContract_SummariesBeforeTheNotice_StandstillOnUkWorkingDays_AwardRemadeAfterAChallenge()
    {
        TestClock.TravelTo(At(3, 1, 9)); // Monday 1 March 2027
        var lead = await app.ClientForAsync("ProcurementOfficer");
        var procurement = (await CreatedAsync(lead, "/odata/Procurements", new
        {
            Reference = $"CF-{Guid.NewGuid():N}"[..20], Title = "Waste fleet maintenance", DepartmentId = 1, Procedure = "CompetitiveFlexible", EstimatedValue = 2400000,
        })).GetProperty("Id").GetInt32();
        var instance = (await InstanceAsync(lead, "Procurement", procurement)).GetProperty("Id").GetInt32();
        await CreatedAsync(lead, "/odata/ProcurementTeamMembers", new { ProcurementId = procurement, UserName = "contractmanager@demo.local", Role = "Evaluator" });
        await ApprovedAppraisalAsync(app, lead, procurement);
        var consultation = (await CreatedAsync(lead, "/odata/Consultations", new { SubjectType = "Procurement", SubjectId = procurement, Gate = "union", Topic = "Transfer of the fleet team", ResponseWorkingDays = 10 })).GetProperty("Id").GetInt32();
        using (var union = await app.ClientForAsync("UnionRepresentative"))
            await OkAsync(union, $"/odata/Consultations({consultation})/Governance.Respond", new { Response = "UNISON asks that TUPE terms are protected." });
        await FireOkAsync(lead, instance, "PublishTenderNotice");
        var tenderNotice = Assert.Single((await lead.GetJsonAsync($"/odata/Notices?$filter=ProcurementId eq {procurement}")).GetProperty("value").EnumerateArray());
        Assert.Equal(("UK4", "2027-03-01"), (tenderNotice.GetProperty("Type").GetString(), tenderNotice.GetProperty("DueOn").GetString()));
        // 25 days on is Good Friday 26 March 2027; Easter Monday follows: requests close at the end of Tuesday 30 March.
        Assert.Equal("2027-03-30", (await lead.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("ParticipationDeadline").GetString());

        var emails = new[] { await NewSupplierAccountAsync(app, "Fleetcare"), await NewSupplierAccountAsync(app, "Roadworthy") };
        var bidders = new List<int>();
        foreach (var email in emails)
        {
            using var supplier = await SupplierAsync(app, email);
            bidders.Add((await CreatedAsync(supplier, "/odata/Bidders", new { ProcurementId = procurement })).GetProperty("Id").GetInt32());
        }

        TestClock.TravelTo(At(3, 31, 9));
        lead = await app.ClientForAsync("ProcurementOfficer");
        var evaluator = await app.ClientForAsync("ContractManager");
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.Shortlist", new { BidderIds = bidders, Reason = "Only two suppliers met the conditions of participation." });
        foreach (var stage in new[] { "DetailedSolutions", "FinalTenders" })
            await CriteriaAsync(lead, procurement, stage);
        await SignOffAsync(app, "Procurement", procurement, "shortlisting");
        await FireOkAsync(lead, instance, "Shortlist");
        await SignOffAsync(app, "Procurement", procurement, "dialogue-closure", "StatutoryOfficer", "Councillor");
        await FireOkAsync(lead, instance, "InviteFinalTenders");

        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.SetSubmissionDeadline", new { Stage = "FinalTenders", Deadline = Iso(At(4, 30, 11)) });
        foreach (var (email, price) in emails.Zip(new[] { 2300000m, 2150000m }))
        {
            using var supplier = await SupplierAsync(app, email);
            await CreatedAsync(supplier, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[emails.ToList().IndexOf(email)], Kind = "Original", Title = "Final tender", Document = "Tender.", Price = price });
        }

        TestClock.TravelTo(At(4, 30, 13));
        lead = await app.ClientForAsync("ProcurementOfficer");
        evaluator = await app.ClientForAsync("ContractManager");
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.OpenSubmissions", new { Stage = "FinalTenders" });
        await EvaluateAsync(lead, evaluator, procurement, "FinalTenders", new() { [bidders[0]] = [8, 8], [bidders[1]] = [6, 5] });
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.ChoosePreferredBidder", new { BidderId = bidders[0] });
        await FireOkAsync(lead, instance, "CloseTendering");

        // s.50: the summaries go to every assessed supplier before the contract award notice; standstill is not yet dated.
        Assert.Contains("signoff:award", await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "SendAssessmentSummaries" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await SignOffAsync(app, "Procurement", procurement, "award");
        await FireOkAsync(lead, instance, "SendAssessmentSummaries");
        // The contract award notice is raised with the summaries; until it is published it names the winner to the team alone.
        var awardNotice = Assert.Single((await lead.GetJsonAsync($"/odata/Notices?$filter=ProcurementId eq {procurement} and Type eq 'UK6'")).GetProperty("value").EnumerateArray()).GetProperty("Id").GetInt32();
        using (var councillor = await app.ClientForAsync("Councillor"))
            Assert.Empty((await councillor.GetJsonAsync($"/odata/Notices?$filter=ProcurementId eq {procurement} and Type eq 'UK6'")).GetProperty("value").EnumerateArray());
        var drafted = await OkAsync(lead, $"/odata/Notices({awardNotice})/Governance.Draft", new { });
        using (var award = System.Text.Json.JsonDocument.Parse(drafted.GetProperty("Content").GetString()!))
            Assert.Equal(2300000m, award.RootElement.GetProperty("procurement").GetProperty("award").GetProperty("value").GetProperty("amount").GetDecimal());
        using (var runnerUp = await SupplierAsync(app, emails[1]))
        {
            var summary = Assert.Single((await runnerUp.GetJsonAsync($"/odata/AwardLetters?$filter=ProcurementId eq {procurement}")).GetProperty("value").EnumerateArray());
            Assert.StartsWith("Assessment summary (Procurement Act 2023 s.50)", summary.GetProperty("Content").GetString(), StringComparison.Ordinal);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, summary.GetProperty("StandstillEndsAt").ValueKind);
        }

        // The notice published on Friday 9 July 2027: 9, (Mon 12 July is Northern Ireland's Boyne holiday), 13-16, 19, 20, 21 July.
        TestClock.TravelTo(At(7, 9, 10));
        lead = await app.ClientForAsync("ProcurementOfficer");
        // s.51: standstill begins with the award notice's publication, so the step waits for the record of it.
        Assert.Contains("notice:uk6", await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "PublishContractAwardNotice" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await OkAsync(lead, $"/odata/Notices({awardNotice})/Governance.Publish", new { ExternalReference = "FTS-2027-018244" });
        await FireOkAsync(lead, instance, "PublishContractAwardNotice");
        using (var councillor = await app.ClientForAsync("Councillor"))
            Assert.Equal("Published", (await councillor.GetJsonAsync($"/odata/Notices({awardNotice})")).GetProperty("Status").GetString());
        var ends = At(7, 21, 23); // midnight at the end of Wednesday 21 July, BST (a day later than in England alone)
        Assert.Equal(ends, (await lead.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("StandstillEndsAt").GetDateTime().ToUniversalTime());
        using (var runnerUp = await SupplierAsync(app, emails[1]))
        {
            var summary = Assert.Single((await runnerUp.GetJsonAsync($"/odata/AwardLetters?$filter=ProcurementId eq {procurement}")).GetProperty("value").EnumerateArray());
            Assert.Equal(ends, summary.GetProperty("StandstillEndsAt").GetDateTime().ToUniversalTime());
            var told = await runnerUp.GetJsonAsync("/odata/Notifications?$filter=startswith(Subject,'Contract award notice published')");
            Assert.Contains("Wednesday 21 July 2027", Assert.Single(told.GetProperty("value").EnumerateArray()).GetProperty("Body").GetString(), StringComparison.Ordinal);
        }

        // A challenge upheld: the award decision is re-made. The standstill is abandoned, the summaries superseded,
        // the final tenders re-moderated, the decision signed off afresh, and a new standstill begins.
        TestClock.TravelTo(At(7, 13, 9));
        lead = await app.ClientForAsync("ProcurementOfficer");
        await FireOkAsync(lead, instance, "Challenge", "Claim by Roadworthy on the moderation of delivery.");
        await FireOkAsync(lead, instance, "RemakeAwardDecision", "The panel re-moderates delivery on legal advice.");
        var reopened = await lead.GetJsonAsync($"/odata/Procurements({procurement})");
        Assert.Equal("FinalTenders", reopened.GetProperty("Stage").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reopened.GetProperty("StandstillEndsAt").ValueKind);
        var criteria = await QualityCriteriaAsync(lead, procurement, "FinalTenders");
        foreach (var criterion in criteria)
            await CreatedAsync(lead, "/odata/ModeratedScores", new { ProcurementId = procurement, BidderId = bidders[1], CriterionId = criterion, Value = 9, Rationale = "Re-moderated 9/10.", ChangeReason = "The challenge showed the delivery evidence was misread." });
        Assert.Contains("best-price-quality-ratio", await RefusedAsync(lead, $"/odata/Procurements({procurement})/Governance.ChoosePreferredBidder", new { BidderId = bidders[0] }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.ChoosePreferredBidder", new { BidderId = bidders[1] });
        await FireOkAsync(lead, instance, "CloseTendering");
        Assert.Contains("signoff:award", await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "SendAssessmentSummaries" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await SignOffAsync(app, "Procurement", procurement, "award");
        await FireOkAsync(lead, instance, "SendAssessmentSummaries");
        TestClock.TravelTo(At(7, 16, 10)); // Friday 16 July: 16, 19-23, 26, 27 July
        lead = await app.ClientForAsync("ProcurementOfficer");
        // The re-made decision raised a new award notice; the first one stays as published.
        var notices = (await lead.GetJsonAsync($"/odata/Notices?$filter=ProcurementId eq {procurement} and Type eq 'UK6'&$orderby=Id")).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["Published", "Due"], notices.Select(n => n.GetProperty("Status").GetString()));
        Assert.Contains("notice:uk6", await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "PublishContractAwardNotice" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await OkAsync(lead, $"/odata/Notices({notices[1].GetProperty("Id").GetInt32()})/Governance.Publish", new { ExternalReference = "FTS-2027-019102" });
        await FireOkAsync(lead, instance, "PublishContractAwardNotice");
        var newEnds = At(7, 27, 23);
        using (var runnerUp = await SupplierAsync(app, emails[1]))
        {
            var letters = (await runnerUp.GetJsonAsync($"/odata/AwardLetters?$filter=ProcurementId eq {procurement}&$orderby=Round")).GetProperty("value").EnumerateArray().ToList();
            Assert.Equal(2, letters.Count);
            Assert.NotEqual(System.Text.Json.JsonValueKind.Null, letters[0].GetProperty("SupersededAt").ValueKind);
            Assert.False(letters[0].GetProperty("Successful").GetBoolean());
            Assert.True(letters[1].GetProperty("Successful").GetBoolean());
            Assert.Equal(newEnds, letters[1].GetProperty("StandstillEndsAt").GetDateTime().ToUniversalTime());
        }

        await RunTimersAtAsync(app.Services, ends.AddMinutes(1)); // the first standstill's end means nothing now
        Assert.Equal("Standstill", (await lead.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());
        await RunTimersAtAsync(app.Services, newEnds.AddMinutes(1));
        TestClock.TravelTo(newEnds.AddMinutes(5));
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await OkAsync(manager, $"/odata/Procurements({procurement})/Governance.CreateContract", new { StartOn = "2027-09-01", EndOn = "2032-08-31", ContractManager = "Priya Shah" });
        Assert.Equal("CompetitiveFlexible", contract.GetProperty("Procedure").GetString());
        Assert.Equal(2150000m, contract.GetProperty("TotalValue").GetDecimal());

        // Entering the contract raises its contract details notice (UK7), due within 30 days beginning that day (s.53).
        await FireOkAsync(manager, instance, "SignContract");
        var details = Assert.Single((await manager.GetJsonAsync($"/odata/Notices?$filter=ContractId eq {contract.GetProperty("Id").GetInt32()}")).GetProperty("value").EnumerateArray());
        Assert.Equal(("UK7", "2027-08-26"), (details.GetProperty("Type").GetString(), details.GetProperty("DueOn").GetString()));
    }
}
