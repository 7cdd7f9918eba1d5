using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's contract manager dashboard: each contract with its latest KPI results, rating, escalations, overdue
/// returns and dates; filtered and paged; the same rows as CSV, safe to open in a spreadsheet. Contract managers only.
/// </summary>
public sealed class PortalContractsDashboardTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnlyThoseWhoManageContracts_SeeTheDashboard()
    {
        using var visitor = PortalClient.Anonymous(app);
        using (var anonymous = await visitor.GetAsync("/work/contracts", Ct))
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using (var forbidden = await councillor.GetAsync("/work/contracts?format=csv", Ct))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task TheDashboard_ShowsEachContractsStory_AndItsCsvHasTheSameFilteredRows()
    {
        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        var page = WebUtility.HtmlDecode(await manager.GetStringAsync("/work/contracts?search=SSO-2012", Ct));
        Assert.Contains("SSO-2012-001", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ENV-2014-007", page, StringComparison.Ordinal);
        Assert.Contains("In remediation", page, StringComparison.Ordinal);
        Assert.Matches(@"\d+ green</strong>\s*<strong class=""govuk-tag govuk-tag--yellow"">\d+ amber", page);
        Assert.Matches(@"\d+ open: [a-z ,]*director", page); // the seed's escalation, on the director's rung (other tests may open more)

        // A title that a spreadsheet would run as a formula is written as text.
        using var api = await app.ClientForAsync("ContractManager");
        var reference = $"CSV-{Guid.NewGuid():N}"[..12];
        await CreatedAsync(api, "/odata/Contracts", new
        {
            Reference = reference, Title = "=HYPERLINK(\"http://example.com\",\"x\")", SupplierId = 1, DepartmentId = 1, TotalValue = 50_000, AnnualValue = 25_000, Vat = 0,
            StartOn = "2026-04-01", EndOn = "2027-03-31",
        });
        using var csv = await manager.GetAsync($"/work/contracts?search={reference}&format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Reference\",\"Title\",\"Supplier\",\"Status\"", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith($"\"{reference}\",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"", row, StringComparison.Ordinal);
        Assert.Contains("\"Draft\"", row, StringComparison.Ordinal);

        // The CSV is every page of the filter, not the page on screen.
        var all = (await manager.GetStringAsync("/work/contracts?format=csv", Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        var total = (await api.GetJsonAsync("/odata/Contracts?$count=true&$top=0")).GetProperty("@odata.count").GetInt32();
        Assert.Equal(total, all);
        using var refused = await manager.GetAsync("/work/contracts?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
