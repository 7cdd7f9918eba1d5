using System.Net;
using System.Text;
using System.Xml.Linq;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Tendering;

/// <summary>
/// No bid price or score of the seeded customer-contact procurement reaches a councillor, a union representative
/// or a competing bidder, by any OData vector. The competitors' detailed-solution prices are 3,420,000 and
/// 2,980,000; the competing supplier (Oakfield, supplier2) bid 3,150,000.
/// </summary>
public sealed class ConfidentialityTests(SqliteApp app)
{
    private static readonly string[] CompetitorPrices = ["3420000", "2980000", "3,420,000", "2,980,000"];
    private static readonly string[] ConfidentialSets =
        ["Submissions", "Scores", "ModeratedScores", "ConflictDeclarations", "DialogueSessions", "ClarificationQuestions", "ConsentRecords", "SolutionDisclosures", "AwardLetters", "Bidders"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Outsiders => ["Councillor", "UnionRepresentative"];

    private static void AssertNoCompetitorFigures(string body)
    {
        foreach (var price in CompetitorPrices)
            Assert.DoesNotContain(price, body, StringComparison.Ordinal);
        Assert.DoesNotContain("QualityScore", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Rationale", body, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task DirectRead_EveryConfidentialSet_Is403(string role)
    {
        using var client = await app.ClientForAsync(role);
        foreach (var set in ConfidentialSets)
        {
            var (status, body) = await GetAsync(client, $"/odata/{set}");
            Assert.True(status == HttpStatusCode.Forbidden, $"{role} reading {set}: {status}");
            AssertNoCompetitorFigures(body);
            (status, body) = await GetAsync(client, $"/odata/{set}(1)");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            (status, _) = await GetAsync(client, $"/odata/{set}/$count");
            Assert.Equal(HttpStatusCode.Forbidden, status);
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task QueryOptions_OnPublicSets_CannotReachBidData(string role)
    {
        using var client = await app.ClientForAsync(role);
        string[] probes =
        [
            "/odata/Procurements?$expand=Submissions",
            "/odata/Procurements?$expand=Bidders",
            "/odata/Procurements?$filter=Submissions/any(s: s/Price gt 3000000)",
            "/odata/Procurements?$orderby=Submissions/$count",
            "/odata/Procurements?$apply=groupby((Reference),aggregate(Submissions(Price with sum as Total)))",
            "/odata/Procurements?$compute=Submissions/$count as Bids&$select=Bids",
            "/odata/Suppliers?$expand=Bidders",
            "/odata/Suppliers?$filter=Bidders/any()",
            "/odata/ProcurementStageDates?$expand=Submissions",
            "/odata/EvaluationCriteria?$expand=Scores",
        ];
        foreach (var probe in probes)
        {
            var (status, body) = await GetAsync(client, probe);
            Assert.True(status == HttpStatusCode.BadRequest, $"{probe}: {status} {body}");
            AssertNoCompetitorFigures(body);
            ErrorBodies.AssertNothingInternal(body);
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Ranking_NotOnTheTeam_Is403(string role)
    {
        using var client = await app.ClientForAsync(role);
        var (status, body) = await GetAsync(client, "/odata/Procurements(1)/Governance.Ranking(stage='DetailedSolutions')");
        Assert.True(status is HttpStatusCode.Forbidden, $"{status} {body}");
        AssertNoCompetitorFigures(body);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Batch_CarriesTheCallersRoles(string role)
    {
        using var client = await app.ClientForAsync(role);
        var batch = """{"requests":[{"id":"1","method":"GET","url":"/odata/Submissions"},{"id":"2","method":"GET","url":"/odata/Scores?$apply=aggregate(Value with sum as Total)"},{"id":"3","method":"GET","url":"/odata/Procurements?$select=Reference"}]}""";
        using var response = await client.PostAsync("/odata/$batch", new StringContent(batch, Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"id\":\"1\",\"status\":403", body, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"2\",\"status\":403", body, StringComparison.Ordinal);
        Assert.Contains("CCP-2013-01", body, StringComparison.Ordinal);
        AssertNoCompetitorFigures(body);
    }

    [Fact]
    public async Task CompetingBidder_SeesOnlyItsOwnBidByEveryVector()
    {
        using var rival = await app.ClientForAsync("supplier2@demo.local");
        var own = await rival.GetJsonAsync("/odata/Submissions");
        Assert.Equal(3150000m, Assert.Single(own.GetProperty("value").EnumerateArray()).GetProperty("Price").GetDecimal());
        string[] probes =
        [
            "/odata/Submissions",
            "/odata/Submissions?$filter=Price gt 3200000",
            "/odata/Submissions?$orderby=Price desc&$top=1",
            "/odata/Submissions?$apply=aggregate(Price with max as Highest)",
            "/odata/Submissions?$apply=groupby((BidderId),aggregate(Price with sum as Total))",
            "/odata/Submissions?$select=Price,BidderId&$orderby=Price",
            "/odata/Submissions/$count",
            "/odata/Bidders?$expand=Supplier",
            "/odata/DialogueSessions",
            "/odata/ClarificationQuestions",
            "/odata/AwardLetters",
        ];
        foreach (var probe in probes)
        {
            var (status, body) = await GetAsync(rival, probe);
            Assert.True(status is HttpStatusCode.OK, $"{probe}: {status} {body}");
            AssertNoCompetitorFigures(body);
            Assert.DoesNotContain("Lumen", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Kestrel", body, StringComparison.Ordinal);
        }

        Assert.Equal("1", (await GetAsync(rival, "/odata/Submissions/$count")).Body);
        foreach (var set in new[] { "Scores", "ModeratedScores", "ConflictDeclarations", "SolutionDisclosures" })
            Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(rival, $"/odata/{set}")).Status);
        var competitorSubmission = await GetAsync(rival, "/odata/Submissions(2)");
        Assert.Equal(HttpStatusCode.NotFound, competitorSubmission.Status);
        AssertNoCompetitorFigures(competitorSubmission.Body);
        var error = await GetAsync(rival, "/odata/Submissions?$filter=Nonsense eq 3420000");
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.DoesNotContain("2980000", error.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedClarifications_NeverSayWhoAsked()
    {
        using var rival = await app.ClientForAsync("supplier2@demo.local");
        var published = await rival.GetJsonAsync("/odata/PublishedClarifications?$filter=ProcurementId eq 1");
        Assert.Equal(2, published.Count());
        Assert.DoesNotContain("BidderId", published.ToString(), StringComparison.Ordinal);
        var (status, _) = await GetAsync(rival, "/odata/PublishedClarifications?$filter=BidderId eq 2");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Metadata_NoPublicEntityTypeNavigatesToBidData()
    {
        using var client = app.CreateClient();
        var metadata = XDocument.Parse(await client.GetStringAsync("/odata/$metadata", Ct));
        XNamespace edm = "http://docs.oasis-open.org/odata/ns/edm";
        var confidentialTypes = new HashSet<string>
        {
            "Governance.Submission", "Governance.Score", "Governance.ModeratedScore", "Governance.ConflictDeclaration", "Governance.DialogueSession",
            "Governance.ClarificationQuestion", "Governance.ConsentRecord", "Governance.SolutionDisclosure", "Governance.AwardLetter", "Governance.Bidder",
        };
        var leaks = metadata.Descendants(edm + "EntityType")
            .Where(t => !confidentialTypes.Contains("Governance." + t.Attribute("Name")!.Value))
            .SelectMany(t => t.Elements(edm + "NavigationProperty").Select(n => (Type: t.Attribute("Name")!.Value, Target: n.Attribute("Type")!.Value.Replace("Collection(", "", StringComparison.Ordinal).TrimEnd(')'))))
            .Where(n => confidentialTypes.Contains(n.Target))
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public async Task Team_ReadsTheUnsealedBids()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var bids = await lead.GetJsonAsync("/odata/Submissions?$filter=ProcurementId eq 1&$orderby=Price");
        Assert.Equal([2980000m, 3150000m, 3420000m], bids.GetProperty("value").EnumerateArray().Select(b => b.GetProperty("Price").GetDecimal()));
        using var notOnTeam = await app.ClientForAsync("SlaOwner");
        Assert.Equal(0, (await notOnTeam.GetJsonAsync("/odata/Submissions")).Count());
    }

    [Fact]
    public async Task AuditTrail_WithholdsBidImages_AndCannotBeFilteredOnThem()
    {
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        var entries = await statutory.GetJsonAsync("/odata/AuditEntries?$filter=EntityType eq 'Submission'&$top=20");
        Assert.NotEmpty(entries.GetProperty("value").EnumerateArray());
        Assert.All(entries.GetProperty("value").EnumerateArray(), e => Assert.Contains("withheld", e.GetProperty("After").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain("2980000", entries.ToString(), StringComparison.Ordinal);
        var oracle = await statutory.GetJsonAsync("/odata/AuditEntries?$filter=EntityType eq 'Submission' and contains(After,'2980000')");
        Assert.Equal(0, oracle.Count());
        using var admin = await app.ClientForAsync("Administrator");
        var scores = await admin.GetJsonAsync("/odata/AuditEntries?$filter=EntityType eq 'ModeratedScore'&$select=Before,After&$top=5");
        Assert.All(scores.GetProperty("value").EnumerateArray(), e => Assert.Contains("withheld", e.GetProperty("After").GetString(), StringComparison.Ordinal));
    }
}
