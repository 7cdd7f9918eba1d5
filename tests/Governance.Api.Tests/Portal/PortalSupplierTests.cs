using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's supplier workspace: a supplier sees the returns it owes and by when, sends one (checked by the same
/// rules as the API), and sees the council's check; it cannot send for another supplier's KPI; officers have no such page.
/// </summary>
public sealed class PortalSupplierTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string kpi, string month, string value)
    {
        var fields = new Dictionary<string, string> { ["kpi"] = kpi, ["month"] = month, ["value"] = value, ["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, "/work/supplier") };
        return await client.PostAsync("/work/supplier", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task ASupplier_SeesWhatItOwes_SendsAReturn_AndSeesTheCouncilsCheck()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Invoices paid within 30 days", selfReports: true);

        using var supplier = await PortalClient.SignedInAsync(app, "Supplier");
        var page = WebUtility.HtmlDecode(await supplier.GetStringAsync("/work/supplier", Ct));
        Assert.Contains("Invoices paid within 30 days", page, StringComparison.Ordinal);
        Assert.Contains("January 2019", page, StringComparison.Ordinal);
        Assert.Contains("Overdue", page, StringComparison.Ordinal);

        using (var sent = await SendAsync(supplier, $"{kpi}", "2019-01", "96.5"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        var after = WebUtility.HtmlDecode(await supplier.GetStringAsync("/work/supplier?sent=True", Ct));
        Assert.Contains("Your return was recorded", after, StringComparison.Ordinal);
        Assert.Contains("Unverified", after, StringComparison.Ordinal);
        var recorded = (await manager.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {kpi}")).GetProperty("value")[0];
        Assert.Equal("supplier@demo.local", recorded.GetProperty("RecordedBy").GetString());
        Assert.Equal("Unverified", recorded.GetProperty("VerificationStatus").GetString());

        using (var twice = await SendAsync(supplier, $"{kpi}", "2019-01", "97"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
            Assert.Contains("already recorded", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var future = await SendAsync(supplier, $"{kpi}", "2099-01", "97"))
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }

    [Fact]
    public async Task ASupplier_CannotSendForAnotherSuppliersKpi_AndOfficersHaveNoSupplierPage()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var other = (await TenderApi.CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"OTH-{Guid.NewGuid():N}"[..12], Title = "Another supplier's contract", SupplierId = 2, DepartmentId = 1, TotalValue = 100_000, AnnualValue = 50_000,
            StartOn = "2019-01-01", EndOn = "2022-03-31",
        })).GetProperty("Id").GetInt32();
        var theirs = await KpiAsync(manager, other, "Not Meridian's KPI", selfReports: true);

        using var supplier = await PortalClient.SignedInAsync(app, "Supplier");
        using (var refused = await SendAsync(supplier, $"{theirs}", "2019-02", "90"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Choose the KPI the return is for", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Not Meridian's KPI", WebUtility.HtmlDecode(await supplier.GetStringAsync("/work/supplier", Ct)), StringComparison.Ordinal);
        using var officer = await PortalClient.SignedInAsync(app, "ContractManager");
        using var forbidden = await officer.GetAsync("/work/supplier", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task ASupplier_CorrectsAReturnTheCouncilChecked_AsAProposalTheManagerMustAccept()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Letters answered within 10 days", selfReports: true);
        using var meridianApi = await app.ClientForAsync("Supplier");
        var sent = await ReturnAsync(meridianApi, kpi, 3, 88);
        await TenderApi.OkAsync(manager, $"/odata/Measurements({sent})/Governance.Verify", new { });

        using var supplier = await PortalClient.SignedInAsync(app, "Supplier");
        async Task<HttpResponseMessage> CorrectAsync(HttpClient client, int measurement, string figure, string why)
        {
            var fields = new Dictionary<string, string> { ["measurement"] = $"{measurement}", ["figure"] = figure, ["why"] = why, ["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, "/work/supplier") };
            return await client.PostAsync("/work/supplier?handler=Correct", new FormUrlEncodedContent(fields), Ct);
        }
        using (var bad = await CorrectAsync(supplier, sent, "ninety", ""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Enter the corrected figure", html, StringComparison.Ordinal);
            Assert.Contains("Say why the figure was wrong", html, StringComparison.Ordinal);
        }
        using (var corrected = await CorrectAsync(supplier, sent, "91.5", "Two late letters were counted twice."))
            Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var versions = (await manager.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {kpi}&$orderby=Version")).GetProperty("value");
        Assert.Equal(2, versions.GetArrayLength());
        Assert.Equal("Proposed", versions[1].GetProperty("VerificationStatus").GetString());
        Assert.Equal(91.5m, versions[1].GetProperty("Value").GetDecimal());

        using var oakfield = await PortalClient.SignedInAsync(app, "Supplier2");
        using (var notTheirs = await CorrectAsync(oakfield, versions[1].GetProperty("Id").GetInt32(), "99", "Not ours."))
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
    }

    [Fact]
    public async Task AReturnsEvidence_GoesWithIt_OrTheReturnIsNotRecorded_AndTheManagerSeesIt()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Calls answered with a log", selfReports: true);
        using var supplier = await PortalClient.SignedInAsync(app, "Supplier");
        async Task<HttpResponseMessage> SendWithAsync(string month, byte[] file, string type)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent($"{kpi}"), "kpi" }, { new StringContent(month), "month" }, { new StringContent("94"), "value" },
                { new StringContent(await PortalClient.TokenAsync(supplier, "/work/supplier")), "__RequestVerificationToken" },
            };
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            form.Add(content, "evidence", "call-log.csv");
            return await supplier.PostAsync("/work/supplier", form, Ct);
        }

        using (var refused = await SendWithAsync("2019-05", [0x00, 0x9F, 0x01], "text/csv"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("is not text/csv", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        Assert.Equal(0, (await manager.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {kpi}")).GetProperty("value").GetArrayLength());

        using (var sent = await SendWithAsync("2019-05", System.Text.Encoding.UTF8.GetBytes("date,calls,answered\n2019-05-01,900,846\n"), "text/csv"))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using var managerPortal = await PortalClient.SignedInAsync(app, "ContractManager");
        Assert.Contains("call-log.csv", await managerPortal.GetStringAsync($"/work/contracts/{contract}", Ct), StringComparison.Ordinal);
    }
}
