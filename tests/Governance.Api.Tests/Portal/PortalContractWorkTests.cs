using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's contract page: the KPI grid in colour and words, trend charts with their figures, and the returns to
/// check: a supplier's return verified or disputed here lands as the API's own check would.
/// </summary>
public sealed class PortalContractWorkTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task AContractManager_ReadsTheGrid_AndVerifiesAndDisputesASuppliersReturns()
    {
        using var api = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(api);
        var kpi = await KpiAsync(api, contract, "Calls answered within 60 seconds", selfReports: true);
        using var supplier = await app.ClientForAsync("supplier@demo.local");
        var march = await ReturnAsync(supplier, kpi, 3, 97);
        var april = await ReturnAsync(supplier, kpi, 4, 62);

        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        var page = $"/work/contracts/{contract}";
        var html = WebUtility.HtmlDecode(await manager.GetStringAsync(page, Ct));
        Assert.Contains("KPI results by month", html, StringComparison.Ordinal);
        Assert.Contains("<span>97</span>", html, StringComparison.Ordinal);
        Assert.Contains("unverified", html, StringComparison.Ordinal); // never colour alone: the state is in words
        Assert.Contains("<svg role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("Calls answered within 60 seconds: the figures", html, StringComparison.Ordinal);
        Assert.Contains("No assessment has been published", html, StringComparison.Ordinal);

        using (var verified = await PostAsync(manager, page, "Verify", new() { ["measurement"] = $"{march}" }))
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal("Verified", (await api.GetJsonAsync($"/odata/Measurements({march})")).GetProperty("VerificationStatus").GetString());

        using (var noReason = await PostAsync(manager, page, "Dispute", new() { ["measurement"] = $"{april}", ["reason"] = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("There is a problem", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var notANumber = await PostAsync(manager, page, "Dispute", new() { ["measurement"] = $"{april}", ["reason"] = "Call logs differ.", ["figure"] = "seventy" }))
            Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode); // never a dispute with the figure silently dropped
        using (var disputed = await PostAsync(manager, page, "Dispute", new() { ["measurement"] = $"{april}", ["reason"] = "Call logs show 71%.", ["figure"] = "71" }))
            Assert.Equal(HttpStatusCode.Redirect, disputed.StatusCode);
        var record = await api.GetJsonAsync($"/odata/Measurements({april})");
        Assert.Equal("Disputed", record.GetProperty("VerificationStatus").GetString());
        Assert.Equal(71, record.GetProperty("ContractManagerValue").GetDecimal());

        // A published annual assessment shows with its rating.
        using (var assessed = await api.PostJsonAsync($"/odata/Contracts({contract})/Governance.GenerateAssessment", new { Year = 2019 }))
            Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        Assert.Contains("Published assessments (UK9 ratings)", await manager.GetStringAsync(page, Ct), StringComparison.Ordinal);

        // A return of another contract is not found through this contract's page.
        using var otherApi = await app.ClientForAsync("ContractManager");
        var other = await ContractAsync(otherApi);
        using (var elsewhere = await PostAsync(manager, $"/work/contracts/{other}", "Verify", new() { ["measurement"] = $"{april}" }))
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    /// <summary>The contract page's modification form: the API's rules and record (ContractModifier), errors by field, a UK10 where s.75 requires one.</summary>
    [Fact]
    public async Task AContractManager_ModifiesTheTermAndValue_WithItsReason_AndIsToldWhatIsWrong()
    {
        using var api = await app.ClientForAsync("ContractManager");
        var contract = await Notices.NoticesApiTests.ActContractAsync(api); // GBP 400,000 to 4 January 2030
        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        var page = $"/work/contracts/{contract}";
        Assert.Contains("No change has been recorded", await manager.GetStringAsync(page, Ct), StringComparison.Ordinal);

        using (var noReason = await PostAsync(manager, page, "Modify", new() { ["endOn"] = "2031-01-04" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("href=\"#modify-reason\"", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var badDate = await PostAsync(manager, page, "Modify", new() { ["endOn"] = "next spring", ["reason"] = "Later." }))
        {
            var refused = await badDate.Content.ReadAsStringAsync(Ct);
            Assert.Contains("href=\"#modify-end\"", refused, StringComparison.Ordinal);
            Assert.Contains("value=\"next spring\"", refused, StringComparison.Ordinal); // what was typed is given back
            Assert.Contains(">Later.</textarea>", refused, StringComparison.Ordinal);
        }
        using (var notMoney = await PostAsync(manager, page, "Modify", new() { ["totalValue"] = "a lot", ["reason"] = "More." }))
            Assert.Contains("href=\"#modify-totalvalue\"", await notMoney.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using (var overS52 = await PostAsync(manager, page, "Modify", new() { ["totalValue"] = "6000000", ["reason"] = "Six million." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, overS52.StatusCode);
            Assert.Contains("s.52", WebUtility.HtmlDecode(await overS52.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        Assert.Empty((await api.GetJsonAsync($"/odata/ContractModifications?$filter=ContractId eq {contract}")).GetProperty("value").EnumerateArray());

        using (var modified = await PostAsync(manager, page, "Modify", new() { ["endOn"] = "2031-06-30", ["totalValue"] = "600000", ["reason"] = "Two more parks and eighteen months more." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, modified.StatusCode);
            Assert.Contains("done=modified-uk10", modified.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var html = WebUtility.HtmlDecode(await manager.GetStringAsync(page + "?done=modified-uk10", Ct));
        Assert.Contains("Two more parks and eighteen months more.", html, StringComparison.Ordinal);
        Assert.Contains("UK10 required", html, StringComparison.Ordinal);
        Assert.Equal("2031-06-30", (await api.GetJsonAsync($"/odata/Contracts({contract})")).GetProperty("EndOn").GetString());
        Assert.Single((await api.GetJsonAsync($"/odata/Notices?$filter=ContractId eq {contract} and Type eq 'UK10'")).GetProperty("value").EnumerateArray());
    }
}
