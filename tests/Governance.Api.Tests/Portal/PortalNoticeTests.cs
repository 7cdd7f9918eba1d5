using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Statutory notices in the portal, on NoticeDesk as the API: the officers' list (open first, CSV), a notice's page
/// with its deadline and rule, drafting, recording publication (refused without the platform's reference) and a
/// correction as a new version; closed to councillors; another team's unpublished notice is not found.
/// </summary>
public sealed class PortalNoticeTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task TheSeededContractNotice_IsListedWithItsVersion_AndInTheCsv_ButNotForACouncillor()
    {
        using var officer = await PortalClient.SignedInAsync(app, "ProcurementOfficer");
        var list = await officer.GetStringAsync("/work/notices?show=all&procurement=1", Ct);
        Assert.Contains("Contract notice (PCR 2015): CCP-2013-01", list, StringComparison.Ordinal);
        Assert.Contains("OJEU 2013/S 000-000001 (demo reference), version 1", list, StringComparison.Ordinal);
        using var csv = await officer.GetAsync("/work/notices?show=all&procurement=1&format=csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"PcrContractNotice\"", await csv.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using var refused = await councillor.GetAsync("/work/notices", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task AContractManager_DraftsRecordsAndCorrectsANotice_ThroughItsPage()
    {
        using var api = await app.ClientForAsync("ContractManager");
        var contract = (await CreatedAsync(api, "/odata/Contracts", new
        {
            Reference = $"PN-{Guid.NewGuid():N}"[..16], Title = "Library van servicing", SupplierId = 6, DepartmentId = 1, TotalValue = 60000, AnnualValue = 20000,
            StartOn = "2026-02-02", EndOn = "2029-02-01",
        })).GetProperty("Id").GetInt32();
        var id = (await CreatedAsync(api, "/odata/Notices", new { Type = "UK10", ContractId = contract, Trigger = "A third van was added to the service." })).GetProperty("Id").GetInt32();
        var page = $"/work/notices/{id}";
        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        var html = await manager.GetStringAsync(page, Ct);
        Assert.Contains("PA 2023 s.75", html, StringComparison.Ordinal);
        Assert.Contains("Not drafted yet.", html, StringComparison.Ordinal);

        using (var drafted = await PostAsync(manager, page, "Draft", []))
            Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        Assert.Contains("Library van servicing", await manager.GetStringAsync(page, Ct), StringComparison.Ordinal);

        using (var missing = await PostAsync(manager, page, "Publish", new() { ["ExternalReference"] = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("Give the platform&#x27;s reference", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var published = await PostAsync(manager, page, "Publish", new() { ["ExternalReference"] = "FTS-2026-099001" }))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using (var corrected = await PostAsync(manager, page, "Correct", new() { ["Reason"] = "The change's value was missing.", ["ExternalReference"] = "FTS-2026-099002" }))
            Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var after = await manager.GetStringAsync(page, Ct);
        Assert.Contains("FTS-2026-099001", after, StringComparison.Ordinal);
        Assert.Contains("The change&#x27;s value was missing.", after, StringComparison.Ordinal);
        Assert.Contains("As published in version 2.", after, StringComparison.Ordinal);
        using var gone = await manager.GetAsync("/work/notices/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
