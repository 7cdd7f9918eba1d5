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
}
