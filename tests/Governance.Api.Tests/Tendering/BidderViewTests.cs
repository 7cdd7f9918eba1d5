using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Tendering;

/// <summary>A bidder reads its procurement's public details and timetable, and nothing of anyone else's bids.</summary>
public sealed class BidderViewTests(SqliteApp app)
{
    [Fact]
    public async Task Bidder_ReadsItsProcurementAndTimetable_NotUnadvertisedOnes()
    {
        using var oakfield = await app.ClientForAsync("supplier2@demo.local"); // a bidder in CCP-2013-01
        var procurements = (await oakfield.GetJsonAsync("/odata/Procurements?$select=Reference")).GetProperty("value").EnumerateArray().Select(p => p.GetProperty("Reference").GetString()).ToList();
        Assert.Contains("CCP-2013-01", procurements);
        Assert.DoesNotContain("CEP-2015-01", procurements); // no notice sent, and not a bidder
        var stages = await oakfield.GetJsonAsync("/odata/ProcurementStageDates?$filter=ProcurementId eq 1&$orderby=Stage");
        Assert.Contains(stages.GetProperty("value").EnumerateArray(), s => s.GetProperty("Stage").GetString() == "DetailedSolutions" && s.GetProperty("SubmissionDeadline").ValueKind == System.Text.Json.JsonValueKind.String);
        using var ranking = await oakfield.GetAsync("/odata/Procurements(1)/Governance.Ranking(stage='DetailedSolutions')", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, ranking.StatusCode);
        var bids = await oakfield.GetJsonAsync("/odata/Submissions?$filter=ProcurementId eq 1");
        Assert.All(bids.GetProperty("value").EnumerateArray(), b => Assert.Equal(bids.GetProperty("value")[0].GetProperty("BidderId").GetInt32(), b.GetProperty("BidderId").GetInt32()));
    }

    [Fact]
    public async Task RequestToParticipate_NamingItsOwnStatusOrDate_Is400()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await WorkflowApi.CreateProcurementAsync(officer, "CompetitiveFlexible");
        using var supplier = await app.ClientForAsync("supplier2@demo.local");
        foreach (var body in new object[] { new { ProcurementId = procurement, Status = "PreferredBidder" }, new { ProcurementId = procurement, RequestedToParticipateOn = "2020-01-01" } })
        {
            using var response = await supplier.PostJsonAsync("/odata/Bidders", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var statuses = await officer.GetJsonAsync("/odata/Bidders?$filter=ProcurementId eq 1&$select=Status&$orderby=Status");
        Assert.Contains(statuses.GetProperty("value").EnumerateArray(), b => b.GetProperty("Status").GetString() == "InDialogue");
    }

    [Fact]
    public async Task Timetables_SameQueryFromTwoSuppliers_EachSeesOnlyItsOwnProcurements()
    {
        const string query = "/odata/ProcurementStageDates?$filter=ProcurementId eq 1&$orderby=Stage";
        using var bidder = await app.ClientForAsync("supplier2@demo.local");
        using var stranger = await TenderApi.SupplierAsync(app, await TenderApi.NewSupplierAccountAsync(app, "Stranger Services"));
        for (var round = 0; round < 3; round++)
        {
            Assert.NotEqual(0, (await bidder.GetJsonAsync(query)).Count());
            Assert.Equal(0, (await stranger.GetJsonAsync(query)).Count());
            Assert.Equal(0, (await stranger.GetJsonAsync("/odata/TenderChangeRequests")).Count());
        }
    }
}
