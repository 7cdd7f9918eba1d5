using Governance.Domain.Scrutiny;

namespace Governance.Domain.Tests.Scrutiny;

/// <summary>When a gate holds: every signatory role the workflow names has approved its latest request.</summary>
public sealed class SignOffGateRulesTests
{
    private static SignOffRequest Request(int id, string role, SignOffStatus status) => new() { Id = id, RequiredRole = role, Status = status };

    [Fact]
    public void GateHolds_RejectedThenApprovedAgain_Holds()
    {
        SignOffRequest[] requests = [Request(1, "StatutoryOfficer", SignOffStatus.Rejected), Request(2, "StatutoryOfficer", SignOffStatus.Approved)];
        Assert.True(SignOffRequest.GateHolds(requests, ["StatutoryOfficer"]));
        Assert.False(SignOffRequest.GateHolds(requests.Reverse().Select((r, i) => Request(i + 1, r.RequiredRole, r.Status)), ["StatutoryOfficer"]));
    }

    [Fact]
    public void GateHolds_ARoleTheWorkflowNamesHasNotApproved_DoesNotHold()
    {
        SignOffRequest[] requests = [Request(1, "StatutoryOfficer", SignOffStatus.Approved)];
        Assert.False(SignOffRequest.GateHolds(requests, ["StatutoryOfficer", "Councillor"]));
        Assert.True(SignOffRequest.GateHolds([.. requests, Request(2, "Councillor", SignOffStatus.ApprovedWithConditions)], ["StatutoryOfficer", "Councillor"]));
        Assert.False(SignOffRequest.GateHolds([], null));
    }
}
