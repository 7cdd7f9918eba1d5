using System.Net;
using Governance.Api.Tests.Documents;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Tendering;

/// <summary>
/// A bid's price is sealed until its stage's deadline has passed and the bids are opened: one check per route that
/// could show it (the set, a key read, $count, $apply, $batch, the ranking, scoring, the audit trail, a committee paper,
/// notifications), first before the deadline, then after it but before the opening.
/// </summary>
public sealed class SealedBidTests(SqliteApp app)
{
    private const decimal SealedPrice = 1_234_567m;

    [Fact]
    public async Task SealedPrice_ReachesNobodyOnTheCouncilSide_BeforeTheOpening()
    {
        TestClock.TravelTo(new DateTime(2024, 6, 3, 9, 0, 0, DateTimeKind.Utc));
        var lead = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(lead, "CompetitiveDialogue");
        await CreatedAsync(lead, "/odata/ProcurementTeamMembers", new { ProcurementId = procurement, UserName = "contractmanager@demo.local", Role = "Evaluator" });
        await ApprovedAppraisalAsync(app, lead, procurement);
        var instance = (await InstanceAsync(lead, "Procurement", procurement)).GetProperty("Id").GetInt32();
        await FireOkAsync(lead, instance, "PublishContractNotice");
        var email = await NewSupplierAccountAsync(app, "Sealed Bids Ltd");
        int bidder;
        using (var supplier = await SupplierAsync(app, email))
            bidder = (await CreatedAsync(supplier, "/odata/Bidders", new { ProcurementId = procurement })).GetProperty("Id").GetInt32();

        TestClock.TravelTo(new DateTime(2024, 7, 4, 9, 0, 0, DateTimeKind.Utc));
        lead = await app.ClientForAsync("ProcurementOfficer");
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.Shortlist", new { BidderIds = new[] { bidder }, Reason = "One suitable candidate." });
        await CriteriaAsync(lead, procurement, "OutlineSolutions");
        await SignOffAsync(app, "Procurement", procurement, "shortlisting");
        await FireOkAsync(lead, instance, "Shortlist");
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.SetSubmissionDeadline", new { Stage = "OutlineSolutions", Deadline = "2024-07-19T12:00:00Z" });
        int submission;
        using (var supplier = await SupplierAsync(app, email))
        {
            submission = (await CreatedAsync(supplier, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidder, Kind = "Original", Title = "Outline", Document = "Our outline.", Price = SealedPrice })).GetProperty("Id").GetInt32();
            Assert.Equal(SealedPrice, (await supplier.GetJsonAsync($"/odata/Submissions({submission})")).GetProperty("Price").GetDecimal()); // its own bid
        }

        await AssertSealedAsync(procurement, submission, bidder);
        TestClock.TravelTo(new DateTime(2024, 7, 19, 13, 0, 0, DateTimeKind.Utc)); // the deadline has passed; nobody has opened the bids
        await AssertSealedAsync(procurement, submission, bidder);

        lead = await app.ClientForAsync("ProcurementOfficer");
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.OpenSubmissions", new { Stage = "OutlineSolutions" });
        Assert.Equal(SealedPrice, (await lead.GetJsonAsync($"/odata/Submissions({submission})")).GetProperty("Price").GetDecimal());
    }

    private async Task AssertSealedAsync(int procurement, int submission, int bidder)
    {
        var ct = TestContext.Current.CancellationToken;
        var price = SealedPrice.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        using var evaluator = await app.ClientForAsync("ContractManager");
        foreach (var client in new[] { lead, evaluator })
        {
            Assert.Equal(0, (await client.GetJsonAsync($"/odata/Submissions?$filter=ProcurementId eq {procurement}")).Count());
            using (var byKey = await client.GetAsync($"/odata/Submissions({submission})", ct))
                Assert.Equal(HttpStatusCode.NotFound, byKey.StatusCode);
            using var count = await client.GetAsync($"/odata/Submissions/$count?$filter=ProcurementId eq {procurement}", ct);
            Assert.Equal("0", await count.Content.ReadAsStringAsync(ct));
            using var sum = await client.GetAsync($"/odata/Submissions?$apply=filter(ProcurementId eq {procurement})/aggregate(Price with max as Highest)", ct);
            Assert.DoesNotContain(price, await sum.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        using (var batch = await lead.PostJsonAsync("/odata/$batch", new { requests = new[] { new { id = "1", method = "GET", url = $"/odata/Submissions?$filter=ProcurementId eq {procurement}" } } }))
            Assert.DoesNotContain(price, await batch.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using (var ranking = await lead.GetAsync($"/odata/Procurements({procurement})/Governance.Ranking(stage='OutlineSolutions')", ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, ranking.StatusCode);
            Assert.DoesNotContain(price, await ranking.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        var criterion = (await QualityCriteriaAsync(lead, procurement, "OutlineSolutions"))[0];
        Assert.Contains("sealed", await RefusedAsync(evaluator, "/odata/Scores", new { ProcurementId = procurement, BidderId = bidder, CriterionId = criterion, Value = 5, Justification = "Early." }, HttpStatusCode.Conflict), StringComparison.Ordinal);

        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        var audit = await statutory.GetJsonAsync($"/odata/AuditEntries?$filter=EntityType eq 'Submission' and EntityKey eq '{submission}'");
        Assert.NotEmpty(audit.GetProperty("value").EnumerateArray());
        Assert.DoesNotContain(price, audit.ToString(), StringComparison.Ordinal);
        foreach (var reader in new[] { lead, evaluator, statutory })
            Assert.DoesNotContain(price, (await reader.GetJsonAsync("/odata/Notifications")).ToString(), StringComparison.Ordinal);

        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var meeting = (await dso.GetJsonAsync("/odata/Meetings?$top=1")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var item = (await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 97, Title = "Procurement progress", SubjectType = "Procurement", SubjectId = procurement })).GetProperty("Id").GetInt32();
        var (pdf, response) = await CommitteePaperApiTests.GenerateAsync(dso, $"/odata/AgendaItems({item})/Governance.GeneratePaper", new { Part = "A" });
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = CommitteePaperApiTests.Text(pdf);
            Assert.DoesNotContain("1,234,567", text, StringComparison.Ordinal);
            Assert.DoesNotContain(price, text, StringComparison.Ordinal);
        }
    }
}
