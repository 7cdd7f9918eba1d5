using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Portal;

/// <summary>Issue 21's SLA owners' page: the seed's internal SLAs with their standards, breaches, route and review date; for SLA owners only.</summary>
public sealed class PortalSlasTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnSlaOwner_SeesEachSlasStandardsBreachesAndReview_AndOthersAreRefused()
    {
        using var owner = await PortalClient.SignedInAsync(app, "SlaOwner");
        var page = WebUtility.HtmlDecode(await owner.GetStringAsync("/work/slas", Ct));
        Assert.Contains("Environment enquiries handled by Customer Services", page, StringComparison.Ordinal);
        Assert.Contains("Adult social care front door triage", page, StringComparison.Ordinal);
        Assert.Contains("Enforcement route", page, StringComparison.Ordinal);
        Assert.Contains("Review overdue", page, StringComparison.Ordinal); // the seed's reviews were due in 2017
        Assert.Contains("Standards and their latest figure", page, StringComparison.Ordinal);

        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        using var forbidden = await manager.GetAsync("/work/slas", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
