using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's point 5 for the workspaces: every list downloads as CSV (formula-safe, UTF-8 with its mark) with the
/// page's own visibility; another format is refused with a 400 naming what is offered; someone else gets no file.
/// </summary>
public sealed class PortalWorkspaceCsvTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ContractManager", "/work/contracts", "\"Reference\",\"Title\",\"Supplier\"", "\"SSO-2012-001\"")]
    [InlineData("ProcurementOfficer", "/work/procurements", "\"Reference\",\"Title\",\"Procedure\"", "\"CCP-2013-01\"")]
    [InlineData("Supplier2", "/work/bids", "\"Reference\",\"Title\",\"Stage\"", "\"CCP-2013-01\"")]
    [InlineData("SlaOwner", "/work/slas", "\"SLA\",\"Provider\",\"Receiver\"", "\"Environment enquiries handled by Customer Services\"")]
    [InlineData("Administrator", "/admin/accounts", "\"E-mail\",\"Name\",\"Roles\",\"State\"", "\"councillor@demo.local\"")]
    [InlineData("Supplier", "/work/supplier", "\"Contract\",\"KPI\",\"Month\",\"Due by\",\"Overdue\"", null)]
    public async Task EveryWorkspaceList_DownloadsAsCsv_ForItsOwnPeopleOnly(string role, string path, string header, string? row)
    {
        using var client = await PortalClient.SignedInAsync(app, role);
        using var csv = await client.GetAsync($"{path}?format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // the mark that tells a spreadsheet it is UTF-8
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(header, text, StringComparison.Ordinal);
        if (row is not null)
            Assert.Contains(row, text, StringComparison.Ordinal);
        Assert.Contains("format=csv", await client.GetStringAsync(path, Ct), StringComparison.Ordinal);
        using (var other = await client.GetAsync($"{path}?format=xlsx", Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
            Assert.Contains("ask for csv", await other.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using var refused = await councillor.GetAsync($"{path}?format=csv", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
