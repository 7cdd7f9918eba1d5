using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>
/// Issue 22's point 4: $format=csv or Accept: text/csv answers the same rows as JSON (selection, filter, order, paging
/// and visibility), formula-safe, with a next page as a Link header; another $format is a 400 naming those offered.
/// </summary>
public sealed class CsvFormatTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string[]>> CsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return [.. Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim('"').Split("\",\""))];
    }

    [Fact]
    public async Task TheSameRowsAsJson_InTheSameOrder_WithTheSelectedColumns()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        const string query = "/odata/Contracts?$select=Reference,Title,AnnualValue&$filter=AnnualValue gt 0&$orderby=Reference desc";
        var json = (await manager.GetJsonAsync(query)).GetProperty("value").EnumerateArray().ToList();
        using var byFormat = await manager.GetAsync(query + "&$format=csv", Ct);
        Assert.Contains("contracts.csv", byFormat.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var rows = await CsvAsync(byFormat);
        Assert.Equal(["Reference", "Title", "AnnualValue"], rows[0]);
        // A value a spreadsheet would run as a formula is written as text, with a leading apostrophe.
        static string Written(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        Assert.Equal(json.Select(c => Written(c.GetProperty("Reference").GetString()!)), rows.Skip(1).Select(r => r[0]));

        using var request = new HttpRequestMessage(HttpMethod.Get, query);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var byAccept = await manager.SendAsync(request, Ct);
        Assert.Equal(rows.Count, (await CsvAsync(byAccept)).Count);
    }

    [Fact]
    public async Task ASuppliersCsv_HoldsOnlyWhatItsJsonHolds()
    {
        using var supplier = await app.ClientForAsync("Supplier");
        var json = (await supplier.GetJsonAsync("/odata/Escalations?$select=Id,ContractId&$orderby=Id")).GetProperty("value").GetArrayLength();
        using var csv = await supplier.GetAsync("/odata/Escalations?$select=Id,ContractId&$orderby=Id&$format=csv", Ct);
        Assert.Equal(json + 1, (await CsvAsync(csv)).Count);
        using var none = await app.CreateClient().GetAsync("/odata/Escalations?$format=csv", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Fact]
    public async Task AFormulaIsWrittenAsText_AndANextPageIsALinkHeader()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await TenderApi.CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"CSV-{Guid.NewGuid():N}"[..12], Title = "=HYPERLINK(\"http://example.org\")", SupplierId = 1, DepartmentId = 1, TotalValue = 1000, AnnualValue = 500,
            StartOn = "2026-01-01", EndOn = "2026-12-31",
        });
        var id = contract.GetProperty("Id").GetInt32();
        using var one = await manager.GetAsync($"/odata/Contracts({id})?$select=Title&$format=csv", Ct);
        Assert.Equal("'=HYPERLINK(\"\"http://example.org\"\")", (await CsvAsync(one))[1][0]);

        using var page = await manager.GetAsync("/odata/Measurements?$format=csv", Ct);
        var link = page.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("$format=csv", link, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("atom")]
    [InlineData("application/xlsx")]
    public async Task AnotherFormat_IsRefused_NamingThoseOffered(string format)
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var refused = await manager.GetAsync($"/odata/Contracts?$format={format}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("json", body, StringComparison.Ordinal);
        Assert.Contains("csv", body, StringComparison.Ordinal);
        using var json = await manager.GetAsync("/odata/Contracts?$format=json&$top=1", Ct);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        using var write = await manager.PostJsonAsync("/odata/Contracts?$format=csv", new { });
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        using var metadata = await manager.GetAsync("/odata/$metadata?$format=csv", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, metadata.StatusCode);
    }
}
