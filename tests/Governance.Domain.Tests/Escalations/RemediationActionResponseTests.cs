using Governance.Domain.Common;
using Governance.Domain.Escalations;

namespace Governance.Domain.Tests.Escalations;

public sealed class RemediationActionResponseTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ASupplier_ReportsOnItsOwnOpenAction_StampedByTheServer()
    {
        var action = new RemediationAction { Id = 3, OwnerIsSupplier = true, Status = RemediationActionStatus.Open };
        var report = new RemediationActionResponse { Response = "  Retrained all handlers.  ", ReportsDone = true };
        report.RespondTo(action, "supplier@example.org", Now);
        Assert.Equal(3, report.RemediationActionId);
        Assert.Equal("Retrained all handlers.", report.Response);
        Assert.Equal("supplier@example.org", report.RespondedBy);
        Assert.Equal(Now, report.RespondedAt);
        Assert.Equal(RemediationActionStatus.Open, action.Status); // the supplier's word does not close it
    }

    [Theory]
    [InlineData(false, RemediationActionStatus.Open, "Done it.", "remediation-action-not-suppliers")]
    [InlineData(true, RemediationActionStatus.Done, "Done it.", "remediation-action-done")]
    [InlineData(true, RemediationActionStatus.Open, " ", "response-required")]
    public void AReport_OnTheCouncilsAction_ADoneOne_OrSayingNothing_IsRefused(bool suppliers, RemediationActionStatus status, string text, string rule)
    {
        var action = new RemediationAction { Id = 3, OwnerIsSupplier = suppliers, Status = status };
        var refused = Assert.Throws<BusinessRuleException>(() => new RemediationActionResponse { Response = text }.RespondTo(action, "supplier@example.org", Now));
        Assert.Equal(rule, refused.Rule);
    }
}
