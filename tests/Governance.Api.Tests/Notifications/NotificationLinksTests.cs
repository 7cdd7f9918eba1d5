using Governance.Api.Features.Notifications;
using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Notifications;

/// <summary>
/// A notification's e-mail links to the record's page in the portal. E-mails used to link to /escalations/4 and
/// /procurements/1, pages that never existed: every link target is now checked against the portal's own routes.
/// </summary>
public sealed class NotificationLinksTests(SqliteApp app)
{
    [Theory]
    [InlineData("Escalation", 4, "/odata/Escalations(4)", "/work/escalations/4")]
    [InlineData("Procurement", 1, "/odata/Procurements(1)", "/work/procurements/1")]
    [InlineData("Contract", 3, null, "/work/contracts/3")]
    [InlineData("Notice", 9, "/work/notices/9", "/work/notices/9")]
    [InlineData("Contract", 3, "/work/notices/9", "/work/notices/9")] // the notification's own page wins over its subject's
    [InlineData("AuditEntry", 2, "/odata/AuditEntries(2)", "/odata/AuditEntries(2)")] // no page: the stored address
    public void TheEmailLink_IsThePortalPageOfTheRecord(string type, int id, string? stored, string expected) =>
        Assert.Equal(expected, NotificationSubjects.PagePath(type, id, stored));

    [Theory]
    [InlineData("Escalation")]
    [InlineData("Procurement")]
    [InlineData("Contract")]
    [InlineData("Notice")]
    [InlineData("AgendaItem")]
    [InlineData("ScrutinyQuestion")]
    [InlineData("Consultation")]
    [InlineData("SignOffRequest")]
    public void EveryLinkTarget_IsAPageThePortalServes(string type)
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var link = PortalLinks.For(type, 7)!;
        Assert.Contains(link.Replace("/7", "/{id:int}", StringComparison.Ordinal), routes);
        Assert.Contains(PortalLinks.Bid(7).Replace("/7", "/{id:int}", StringComparison.Ordinal), routes);
    }
}
