using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Api.OData.Listing;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData.Edm;

namespace Governance.Api.Tests.OData;

/// <summary>
/// Plain listings are written by the listing writer, everything else by the OData package: the two must answer
/// alike. A custom query parameter sends the same request down the package's path, so each listing is compared
/// with the package's own answer, on a database no other test writes to.
/// </summary>
public sealed class ListingWriterTests(IsolatedSqliteApp app, PostgresApp postgres) : IClassFixture<IsolatedSqliteApp>
{
    private const string PackagePath = "viaPackage=1";
    private static readonly string[] Readers = ["Administrator", "ProcurementOfficer", "ContractManager", "Councillor", "UnionRepresentative", "Supplier"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEntitySet_ForEveryRole_AnswersAsThePackageDoes()
    {
        var sets = app.Services.GetRequiredService<IEdmModel>().EntityContainer.EntitySets().Select(s => s.Name).ToList();
        var compared = 0;
        foreach (var role in Readers)
        {
            using var client = await app.ClientForAsync(role);
            foreach (var set in sets)
            {
                if (await AssertSameAsync(client, $"/odata/{set}?$top=3"))
                    compared++;
            }
        }

        // Most sets are readable by someone; a comparison that only ever met refusals would prove nothing.
        Assert.True(compared > sets.Count, $"Only {compared} listings were readable to compare.");
    }

    [Theory]
    [InlineData("ProcurementOfficer", "/odata/Procurements?$expand=Stages,Department")]
    [InlineData("Councillor", "/odata/Procurements?$filter=Stage ne 'Planning'&$orderby=Title desc&$count=true&$expand=Stages")]
    [InlineData("ContractManager", "/odata/Contracts?$expand=Indicators,Supplier,Department&$orderby=Reference")]
    [InlineData("ContractManager", "/odata/Indicators?$expand=Measurements,Contract&$top=4&$skip=2")]
    [InlineData("ContractManager", "/odata/Measurements?$top=150")]
    [InlineData("ContractManager", "/odata/Measurements?$filter=PeriodStart ge 2013-01-01&$count=true")]
    [InlineData("Supplier", "/odata/Contracts?$expand=Indicators")]
    [InlineData("Administrator", "/odata/AuditEntries?$orderby=Id desc&$top=20")]
    public async Task Listings_WithPagingAndExpansions_AnswerAsThePackageDoes(string role, string url)
    {
        using var client = await app.ClientForAsync(role);
        Assert.True(await AssertSameAsync(client, url), $"{role} could not read {url}");
    }

    /// <summary>
    /// PostgreSQL hands back its own types (timestamptz, date, numeric); the answers must still agree. Its host is
    /// shared with tests that write, so a read is retried when a concurrent change came between the two answers.
    /// </summary>
    [Theory]
    [InlineData("Administrator", "/odata/AuditEntries?$orderby=Id&$top=30")]
    [InlineData("ProcurementOfficer", "/odata/Procurements?$filter=Reference in ('CCP-2013-01','CEP-2015-01')&$expand=Stages,Department&$count=true")]
    [InlineData("ContractManager", "/odata/Measurements?$filter=PeriodStart lt 2013-01-01&$expand=Indicator")]
    [InlineData("ContractManager", "/odata/Contracts?$filter=Reference eq 'SSO-2012-001'&$expand=Indicators,Supplier")]
    public async Task Listings_OnPostgres_AnswerAsThePackageDoes(string role, string url)
    {
        PostgresApp.RequireServer();
        using var client = await postgres.ClientForAsync(role);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Assert.True(await AssertSameAsync(client, url), $"{role} could not read {url}");
                return;
            }
            catch (Xunit.Sdk.XunitException) when (attempt < 3)
            {
            }
        }
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("application/json;odata.metadata=full")]
    [InlineData("application/json;odata.metadata=none")]
    [InlineData("application/json;odata.metadata=minimal")]
    [InlineData(PowerQueryAccept)]
    public async Task Listings_ForEachAcceptHeader_AnswerAsThePackageDoes(string accept)
    {
        using var client = await app.ClientForAsync("Councillor");
        client.DefaultRequestHeaders.Accept.ParseAdd(accept);
        Assert.True(await AssertSameAsync(client, "/odata/Procurements?$expand=Stages&$count=true"));
    }

    /// <summary>What Power Query (Excel and Power BI) sends with every OData feed request.</summary>
    private const string PowerQueryAccept = "application/json;odata.metadata=minimal;q=1.0,application/json;odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.7";

    [Fact]
    public async Task PowerQuerysRequests_AndAPreferredPageSize_AreWrittenByTheListingWriter()
    {
        using var client = await app.ClientForAsync("Councillor");
        client.DefaultRequestHeaders.Accept.ParseAdd(PowerQueryAccept);
        Assert.Equal(1, await ListingsWrittenAsync(() => client.GetAsync("/odata/Measurements?$filter=IndicatorId eq 1", Ct)));

        client.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=7");
        Assert.True(await AssertSameAsync(client, "/odata/Measurements?$orderby=PeriodStart"));
        using var page = await client.GetAsync("/odata/Measurements?$orderby=PeriodStart", Ct);
        Assert.Equal("odata.maxpagesize=7", page.Headers.GetValues("Preference-Applied").Single());
        Assert.Equal(7, (await page.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("value").GetArrayLength());
        Assert.Equal(1, await ListingsWrittenAsync(() => client.GetAsync("/odata/Measurements?$orderby=PeriodStart", Ct)));
    }

    [Fact]
    public async Task PlainListing_IsWrittenByTheListingWriter_AndASelectIsNot()
    {
        using var client = await app.ClientForAsync("Councillor");
        Assert.Equal(1, await ListingsWrittenAsync(() => client.GetAsync("/odata/Procurements?$expand=Stages", Ct)));
        Assert.Equal(0, await ListingsWrittenAsync(() => client.GetAsync("/odata/Procurements?$select=Title", Ct)));
        Assert.Equal(0, await ListingsWrittenAsync(() => client.GetAsync("/odata/Procurements?$expand=Stages($top=1)", Ct)));
    }

    [Fact]
    public async Task NextLink_LeadsThroughEveryPage_WithoutRepeatsOrGaps()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var total = (await client.GetJsonAsync("/odata/Measurements?$count=true&$top=0")).GetProperty("@odata.count").GetInt64();
        var seen = new HashSet<long>();
        string? next = "/odata/Measurements?$orderby=PeriodStart desc";
        var pages = 0;
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            foreach (var row in page.GetProperty("value").EnumerateArray())
                Assert.True(seen.Add(row.GetProperty("Id").GetInt64()), $"Row {row.GetProperty("Id")} came twice");
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            pages++;
        }

        Assert.True(total > 100, "The seed has more than one page of measurements");
        Assert.Equal(total, seen.Count);
        Assert.Equal((int)Math.Ceiling(total / 100.0), pages);
    }

    /// <summary>Both paths answer the same status; when it is a success, the same JSON. False when refused.</summary>
    private static async Task<bool> AssertSameAsync(HttpClient client, string url)
    {
        using var written = await client.GetAsync(url, Ct);
        using var package = await client.GetAsync($"{url}{(url.Contains('?', StringComparison.Ordinal) ? "&" : "?")}{PackagePath}", Ct);
        var writtenText = await written.Content.ReadAsStringAsync(Ct);
        var packageText = await package.Content.ReadAsStringAsync(Ct);
        Assert.True(package.StatusCode == written.StatusCode, $"{url}: {written.StatusCode} from the writer, {package.StatusCode} from the package: {writtenText}");
        if (written.StatusCode != HttpStatusCode.OK)
            return false;

        Assert.Equal(package.Content.Headers.ContentType?.ToString(), written.Content.Headers.ContentType?.ToString());
        var expected = Normalise(JsonNode.Parse(packageText)!);
        var actual = Normalise(JsonNode.Parse(writtenText)!);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{url}\npackage: {expected.ToJsonString()[..Math.Min(3000, expected.ToJsonString().Length)]}\nwriter:  {actual.ToJsonString()[..Math.Min(3000, actual.ToJsonString().Length)]}");
        return true;
    }

    /// <summary>
    /// The package's next link repeats the custom parameter; the order of an expanded collection is not defined
    /// by OData (the writer gives key order), so both are set aside.
    /// </summary>
    private static JsonNode Normalise(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            if (obj["@odata.nextLink"] is JsonValue link)
                obj["@odata.nextLink"] = link.GetValue<string>().Replace("&" + PackagePath, "", StringComparison.Ordinal).Replace(PackagePath + "&", "", StringComparison.Ordinal);
            foreach (var (name, value) in obj.ToList())
            {
                if (value is JsonArray array && name != "value" && array.All(e => e is JsonObject o && o.ContainsKey("Id")))
                    obj[name] = new JsonArray([.. array.OrderBy(e => e!["Id"]!.GetValue<long>()).Select(e => e!.DeepClone())]);
                else if (value is not null)
                    Normalise(value);
            }
        }
        else if (node is JsonArray items)
        {
            foreach (var item in items)
                if (item is not null)
                    Normalise(item);
        }

        return node;
    }

    /// <summary>Listings this host's writer answered while sending one request (the tests of a class run one at a time).</summary>
    private async Task<long> ListingsWrittenAsync(Func<Task<HttpResponseMessage>> send)
    {
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        long written = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == ListingMetrics.WrittenName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref written, value));
        listener.Start();
        using var response = await send();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Interlocked.Read(ref written);
    }
}
