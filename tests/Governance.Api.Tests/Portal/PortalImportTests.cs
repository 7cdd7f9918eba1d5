using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's CSV upload: returns from a file, all or nothing (a rejected row imports none, each row's outcome in a
/// table) or the valid rows only; a file that is not CSV is refused; a supplier's file reaches its own contracts only.
/// </summary>
public sealed class PortalImportTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, string mode, string fileName = "returns.csv", string type = "text/csv")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(mode), "mode");
        form.Add(new StringContent(await PortalClient.TokenAsync(client, "/work/returns/import")), "__RequestVerificationToken");
        return await client.PostAsync("/work/returns/import", form, Ct);
    }

    [Fact]
    public async Task AllOrNothing_ImportsNoneWhenARowIsRejected_ThePartialChoiceImportsTheValidRows()
    {
        using var api = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(api);
        var reference = (await api.GetJsonAsync($"/odata/Contracts({contract})")).GetProperty("Reference").GetString();
        var kpi = await KpiAsync(api, contract, "Repairs completed on time");
        var code = (await api.GetJsonAsync($"/odata/Indicators({kpi})")).GetProperty("Code").GetString();
        var csv = $"contract,indicator,period,value,note\n{reference},{code},2019-01-01,96,\n{reference},{code},2019-02-01,ninety,\n{reference},{code},2019-03-01,97,checked\n";

        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        using (var none = await UploadAsync(manager, csv, "all"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
            var html = WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Nothing was imported", html, StringComparison.Ordinal);
            Assert.Contains("Rejected", html, StringComparison.Ordinal);
            Assert.Contains("Not imported", html, StringComparison.Ordinal);
        }
        Assert.Equal(0, (await api.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {kpi}")).GetProperty("value").GetArrayLength());

        using (var some = await UploadAsync(manager, csv, "partial"))
        {
            Assert.Equal(HttpStatusCode.OK, some.StatusCode);
            Assert.Contains("2 returns were imported; 1 row was rejected.", WebUtility.HtmlDecode(await some.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        Assert.Equal(2, (await api.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {kpi}")).GetProperty("value").GetArrayLength());

        using (var notCsv = await UploadAsync(manager, csv, "all", "returns.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            Assert.Equal(HttpStatusCode.BadRequest, notCsv.StatusCode);
        using (var noHeader = await UploadAsync(manager, "a,b\n1,2\n", "all"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
            Assert.Contains("The first line must be the header", WebUtility.HtmlDecode(await noHeader.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        using (var noChoice = await UploadAsync(manager, csv, "sometimes"))
            Assert.Equal(HttpStatusCode.BadRequest, noChoice.StatusCode);
    }

    [Fact]
    public async Task ASuppliersFile_ReachesOnlyItsOwnContracts()
    {
        using var api = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(api); // Meridian's, supplier 1
        var reference = (await api.GetJsonAsync($"/odata/Contracts({contract})")).GetProperty("Reference").GetString();
        var kpi = await KpiAsync(api, contract, "Self-reported invoices", selfReports: true);
        var code = (await api.GetJsonAsync($"/odata/Indicators({kpi})")).GetProperty("Code").GetString();
        var csv = $"contract,indicator,period,value,note\n{reference},{code},2019-01-01,96,\n";

        using var oakfield = await PortalClient.SignedInAsync(app, "Supplier2");
        using (var refused = await UploadAsync(oakfield, csv, "partial"))
            Assert.Contains($"no indicator {code} on contract {reference}", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(0, (await api.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {kpi}")).GetProperty("value").GetArrayLength());

        using var meridian = await PortalClient.SignedInAsync(app, "Supplier");
        using (var sent = await UploadAsync(meridian, csv, "all"))
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var recorded = (await api.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {kpi}")).GetProperty("value")[0];
        Assert.Equal("Unverified", recorded.GetProperty("VerificationStatus").GetString());

        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using (var forbidden = await councillor.GetAsync("/work/returns/import", Ct))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
