using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Transparency;

/// <summary>
/// OCDS 1.1 as the public reads it: every release package and record package the seed produces validates against the
/// standard's own schemas (draft-04, through NJsonSchema), every codelist value is in its codelist, ocids carry the
/// configured prefix, and nothing is published that the public may not see: no bids before award, nothing exempt.
/// </summary>
public sealed class OcdsTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Standard => Path.Combine(AppContext.BaseDirectory, "Standards", "ocds-1.1.5");

    private const string Online = "https://standard.open-contracting.org/schema/1__1__5/";

    /// <summary>The package schema with its references to the release schema read from the copy here, not the network.</summary>
    private static Task<NJsonSchema.JsonSchema> SchemaAsync(string file) =>
        NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Standard, file)).Replace(Online, "", StringComparison.Ordinal), Path.Combine(Standard, file), Ct);

    private static HashSet<string> Codes(string codelist) =>
        [.. File.ReadLines(Path.Combine(Standard, "codelists", codelist)).Skip(1).Select(l => l.Split(',')[0])];

    private static void AssertValid(NJsonSchema.JsonSchema schema, string json, string what)
    {
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{what}: {string.Join("; ", errors.Take(10).Select(e => $"{e.Path}: {e.Kind}"))}");
    }

    /// <summary>Every page of /ocds/releases, following the Link header.</summary>
    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient anonymous, NJsonSchema.JsonSchema schema, string first)
    {
        var releases = new List<JsonElement>();
        for (var url = first; url is not null;)
        {
            using var response = await anonymous.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(Ct);
            AssertValid(schema, body, url);
            releases.AddRange(JsonDocument.Parse(body).RootElement.GetProperty("releases").EnumerateArray().Select(r => r.Clone()));
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single()[1..links.Single().IndexOf('>', StringComparison.Ordinal)] : null;
        }
        return releases;
    }

    [Fact]
    public async Task EveryPackageTheSeedProduces_ValidatesAgainstTheOfficialSchemas_WithCodelistValues()
    {
        var releaseSchema = await SchemaAsync("release-package-schema.json");
        var recordSchema = await SchemaAsync("record-package-schema.json");
        using var anonymous = app.CreateClient();
        var releases = await AllPagesAsync(anonymous, releaseSchema, "/ocds/releases");
        // The validator is live: a tag outside the closed codelist fails the official schema.
        var broken = (await anonymous.GetStringAsync("/ocds/releases", Ct)).Replace("\"tag\":[\"planning\"]", "\"tag\":[\"bogus\"]", StringComparison.Ordinal);
        Assert.NotEmpty(releaseSchema.Validate(broken));

        var prefix = app.Services.GetRequiredService<IConfiguration>()["Transparency:OcidPrefix"]!;
        Assert.All(releases, r => Assert.StartsWith(prefix + "-", r.GetProperty("ocid").GetString(), StringComparison.Ordinal));
        Assert.Equal(releases.Count, releases.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        var tags = releases.SelectMany(r => r.GetProperty("tag").EnumerateArray().Select(t => t.GetString()!)).ToHashSet();
        Assert.Superset(new HashSet<string> { "planning", "tender", "contract", "implementation" }, tags);
        Assert.Subset(Codes("releaseTag.csv"), tags);
        Assert.Subset(Codes("initiationType.csv"), releases.Select(r => r.GetProperty("initiationType").GetString()!).ToHashSet());
        var tenders = releases.Where(r => r.TryGetProperty("tender", out _)).Select(r => r.GetProperty("tender")).ToList();
        Assert.Subset(Codes("tenderStatus.csv"), tenders.Select(t => t.GetProperty("status").GetString()!).ToHashSet());
        Assert.Subset(Codes("method.csv"), tenders.Select(t => t.GetProperty("procurementMethod").GetString()!).ToHashSet());
        Assert.Subset(Codes("procurementCategory.csv"), tenders.Select(t => t.GetProperty("mainProcurementCategory").GetString()!).ToHashSet());
        Assert.Subset(Codes("partyRole.csv"), releases.SelectMany(r => r.GetProperty("parties").EnumerateArray()).SelectMany(p => p.GetProperty("roles").EnumerateArray().Select(x => x.GetString()!)).ToHashSet());
        Assert.Subset(Codes("awardStatus.csv"), releases.Where(r => r.TryGetProperty("awards", out _)).SelectMany(r => r.GetProperty("awards").EnumerateArray()).Select(a => a.GetProperty("status").GetString()!).ToHashSet());
        var contracts = releases.Where(r => r.TryGetProperty("contracts", out _)).SelectMany(r => r.GetProperty("contracts").EnumerateArray()).ToList();
        Assert.Subset(Codes("contractStatus.csv"), contracts.Select(c => c.GetProperty("status").GetString()!).ToHashSet());
        Assert.Subset(Codes("currency.csv"), contracts.Select(c => c.GetProperty("value").GetProperty("currency").GetString()!).ToHashSet());
        // KPI observations: the shared services contract's monthly returns, under its implementation.
        Assert.Contains(contracts, c => c.TryGetProperty("implementation", out var i) && i.GetProperty("metrics").EnumerateArray()
            .Any(m => m.GetProperty("observations").GetArrayLength() > 0));

        foreach (var ocid in releases.Select(r => r.GetProperty("ocid").GetString()!).Distinct())
        {
            using var response = await anonymous.GetAsync($"/ocds/records/{Uri.EscapeDataString(ocid)}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(Ct);
            AssertValid(recordSchema, body, ocid);
            var record = JsonDocument.Parse(body).RootElement.GetProperty("records")[0];
            Assert.Equal(["compiled"], record.GetProperty("compiledRelease").GetProperty("tag").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(releases.Count(r => r.GetProperty("ocid").GetString() == ocid), record.GetProperty("releases").GetArrayLength());
        }
    }

    /// <summary>A contract's modification is a contract amendment: the contract release keeps the term as awarded, the compiled one the term now.</summary>
    [Fact]
    public async Task AModification_IsPublishedAsAContractAmendment_AndTheContractAsAwardedIsKept()
    {
        using var anonymous = app.CreateClient();
        var prefix = app.Services.GetRequiredService<IConfiguration>()["Transparency:OcidPrefix"]!;
        var record = JsonDocument.Parse(await anonymous.GetStringAsync($"/ocds/records/{prefix}-SSO-2012-001", Ct)).RootElement.GetProperty("records")[0];
        var releases = record.GetProperty("releases").EnumerateArray().ToList();
        var entered = releases.Single(r => r.GetProperty("tag")[0].GetString() == "contract").GetProperty("contracts")[0];
        Assert.Equal("2022-09-30T23:59:59Z", entered.GetProperty("period").GetProperty("endDate").GetString());
        var amendment = releases.Single(r => r.GetProperty("tag")[0].GetString() == "contractAmendment");
        Assert.Equal("2021-09-27", amendment.GetProperty("date").GetString()![..10]);
        var compiled = record.GetProperty("compiledRelease").GetProperty("contracts")[0];
        Assert.Equal("2027-09-30T23:59:59Z", compiled.GetProperty("period").GetProperty("endDate").GetString());
        Assert.Contains("five-year extension option", compiled.GetProperty("amendments")[0].GetProperty("rationale").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATenderInDialogue_PublishesItsNotice_ButNoBidderPriceOrAward()
    {
        using var anonymous = app.CreateClient();
        var prefix = app.Services.GetRequiredService<IConfiguration>()["Transparency:OcidPrefix"]!;
        var body = await anonymous.GetStringAsync($"/ocds/records/{prefix}-CCP-2013-01", Ct);
        var compiled = JsonDocument.Parse(body).RootElement.GetProperty("records")[0].GetProperty("compiledRelease");

        Assert.Equal("active", compiled.GetProperty("tender").GetProperty("status").GetString());
        Assert.Equal(3_500_000m, compiled.GetProperty("tender").GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.False(compiled.TryGetProperty("awards", out _));
        Assert.False(compiled.GetProperty("tender").TryGetProperty("tenderers", out _));
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var prices = (await lead.GetJsonAsync("/odata/Submissions?$filter=ProcurementId eq 1&$select=Price")).GetProperty("value").EnumerateArray()
            .Select(s => s.GetProperty("Price").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(prices);
        Assert.All(prices, price => Assert.DoesNotContain($":{price}", body, StringComparison.Ordinal));
        Assert.DoesNotContain("Oakfield", body, StringComparison.Ordinal); // a bidder in dialogue
    }

    [Fact]
    public async Task AnExemptContractAndAnExemptKpi_AreNotPublished()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        async Task<(string Reference, int Id)> ContractAsync(string title)
        {
            var reference = $"OC-{Guid.NewGuid():N}"[..12];
            var id = (await CreatedAsync(manager, "/odata/Contracts", new
            {
                Reference = reference, Title = title, SupplierId = 1, DepartmentId = 1, TotalValue = 90000, AnnualValue = 30000, StartOn = "2019-01-01", EndOn = "2022-12-31",
            })).GetProperty("Id").GetInt32();
            await OkAsync(manager, $"/odata/Contracts({id})/Governance.Activate", new { });
            return (reference, id);
        }
        // Contracts of the test's own: the seed's are in other tests' committee papers, whose exemptions they count.
        var (reference, id) = await ContractAsync("Legal services framework");
        var (_, open) = await ContractAsync("Courier services");
        var kpi = await Performance.PerformanceApi.KpiAsync(manager, open, "Negotiation milestones met");
        await Performance.PerformanceApi.ReturnAsync(manager, kpi, 3, 90);
        using var anonymous = app.CreateClient();
        var before = await anonymous.GetStringAsync("/ocds/releases?since=2019-01-01", Ct);
        Assert.Contains(reference, before, StringComparison.Ordinal);
        Assert.Contains("Negotiation milestones met", before, StringComparison.Ordinal);

        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new { EntityType = "Contract", EntityKey = id, Paragraph = 3, PublicInterestTest = "Negotiations continue.", CommitteeId = 1 });
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new { EntityType = "Indicator", EntityKey = kpi, Paragraph = 3, PublicInterestTest = "Commercial terms.", CommitteeId = 1 });

        var after = await anonymous.GetStringAsync("/ocds/releases?since=2019-01-01", Ct);
        Assert.DoesNotContain(reference, after, StringComparison.Ordinal);
        Assert.DoesNotContain("Negotiation milestones met", after, StringComparison.Ordinal);
        using var gone = await anonymous.GetAsync($"/ocds/records/{app.Services.GetRequiredService<IConfiguration>()["Transparency:OcidPrefix"]}-{reference}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("/ocds/releases?since=yesterday")]
    [InlineData("/ocds/releases?since=2015-13-01")]
    [InlineData("/ocds/releases?page=0")]
    [InlineData("/ocds/releases?until=someday")]
    [InlineData("/ocds/releases?since=2016-01-01&until=2015-12-31")]
    public async Task ABadQuery_Is400(string url)
    {
        using var anonymous = app.CreateClient();
        using var response = await anonymous.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SinceAndUntil_KeepTheReleasesDatedInTheRange_WholeDays()
    {
        using var anonymous = app.CreateClient();
        var package = JsonDocument.Parse(await anonymous.GetStringAsync("/ocds/releases?since=2014-01-01&until=2015-12-31", Ct)).RootElement;
        var dates = package.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("date").GetString()!).ToList();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.InRange(string.CompareOrdinal(d[..10], "2014-01-01") >= 0 && string.CompareOrdinal(d[..10], "2015-12-31") <= 0, true, true));
        Assert.Contains(dates, d => d.StartsWith("2015-12", StringComparison.Ordinal)); // a year's KPI observations end on its last day
        Assert.EndsWith("since=2014-01-01&until=2015-12-31&page=1", package.GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Since_KeepsReleasesDatedOnOrAfterIt()
    {
        using var anonymous = app.CreateClient();
        var package = JsonDocument.Parse(await anonymous.GetStringAsync("/ocds/releases?since=2015-06-01", Ct)).RootElement;
        var dates = package.GetProperty("releases").EnumerateArray().Select(r => r.GetProperty("date").GetString()!).ToList();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.True(string.CompareOrdinal(d, "2015-06-01") >= 0, d));
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }
}
