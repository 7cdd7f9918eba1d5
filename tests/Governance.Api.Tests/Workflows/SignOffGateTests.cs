using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Workflows;

/// <summary>Who may sign off a procurement's gate, on what, and how a rejected gate is reopened.</summary>
public sealed class SignOffGateTests(SqliteApp app)
{
    private static object Request(int procurement, string gate, string role = "StatutoryOfficer") =>
        new { SubjectType = "Procurement", SubjectId = procurement, Gate = gate, RequiredRole = role };

    [Fact]
    public async Task Request_ForAnUnknownRecordOrGateOrASupplierSignatory_Is400()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(officer, "CompetitiveFlexible");
        Assert.Contains("UnknownReference", await RefusedAsync(officer, "/odata/SignOffRequests", Request(987654, "award"), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var gate = await RefusedAsync(officer, "/odata/SignOffRequests", Request(procurement, "coffee"), HttpStatusCode.BadRequest);
        Assert.Contains("unknown-gate", gate, StringComparison.Ordinal);
        Assert.Contains("award", gate, StringComparison.Ordinal);
        Assert.Contains("supplier-never-signs", await RefusedAsync(officer, "/odata/SignOffRequests", Request(procurement, "award", "Supplier"), HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_SignatoryAndQuorum_ComeFromTheWorkflow()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(officer, "CompetitiveFlexible");
        // The requester cannot choose his own evaluator's role as signatory, nor lower the quorum.
        var refused = await RefusedAsync(officer, "/odata/SignOffRequests", Request(procurement, "award", "ContractManager"), HttpStatusCode.BadRequest);
        Assert.Contains("signoff-role-from-workflow", refused, StringComparison.Ordinal);
        Assert.Contains("StatutoryOfficer", refused, StringComparison.Ordinal);
        var named = await CreatedAsync(officer, "/odata/SignOffRequests", new { SubjectType = "Procurement", SubjectId = procurement, Gate = "award", RequiredRole = "", Quorum = 0 });
        Assert.Equal("StatutoryOfficer", named.GetProperty("RequiredRole").GetString());
        Assert.Equal(1, named.GetProperty("Quorum").GetInt32());
    }

    [Fact]
    public async Task AwardGate_SignatoryOnTheTeam_Is403Independent()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(officer, "CompetitiveFlexible");
        await CreatedAsync(officer, "/odata/ProcurementTeamMembers", new { ProcurementId = procurement, UserName = "statutoryofficer@demo.local", Role = "Adviser" });
        var request = (await CreatedAsync(officer, "/odata/SignOffRequests", Request(procurement, "award"))).GetProperty("Id").GetInt32();
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        Assert.Contains("independent-signoff", await RefusedAsync(statutory, $"/odata/SignOffRequests({request})/Governance.Decide", new { Decision = "Approved" }, HttpStatusCode.Forbidden), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedGate_IsReopenedByANewRequestOnceApproved()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(officer, "CompetitiveFlexible");
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        var first = (await CreatedAsync(officer, "/odata/SignOffRequests", Request(procurement, "award"))).GetProperty("Id").GetInt32();
        await OkAsync(statutory, $"/odata/SignOffRequests({first})/Governance.Decide", new { Decision = "Rejected", Reason = "The evaluation report is missing." });
        Assert.False(await AwardGateHoldsAsync(procurement));
        var second = (await CreatedAsync(officer, "/odata/SignOffRequests", Request(procurement, "award"))).GetProperty("Id").GetInt32();
        await OkAsync(statutory, $"/odata/SignOffRequests({second})/Governance.Decide", new { Decision = "Approved" });
        Assert.True(await AwardGateHoldsAsync(procurement));
    }

    /// <summary>The workflow's signoff:award guard, asked as the runtime asks it.</summary>
    private async Task<bool> AwardGateHoldsAsync(int procurement)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var guard = ActivatorUtilities.CreateInstance<Governance.Api.Features.Workflows.Guards.SignOffGuard>(scope.ServiceProvider);
        var subject = new Governance.Workflows.Runtime.WorkflowSubject("Procurement", procurement, "AwardDecision", DateTime.UtcNow);
        return await guard.HoldsAsync(new Governance.Workflows.Runtime.GuardContext(subject, "signoff:award", "award", null, DateTime.UtcNow), TestContext.Current.CancellationToken);
    }
}
