using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

/// <summary>Sign-off requests are raised, then decided by the role they name; the request itself is never edited.</summary>
public sealed class SignOffRequestsController(GovernanceDbContext db, TimeProvider time) : AppendOnlyEntitySetController<SignOffRequest>(db)
{
    private Workflows.SignOffGates Gates => Service<Workflows.SignOffGates>();

    private Workflows.Subjects.IWorkflowSubjectType? Subject(string type) =>
        HttpContext.RequestServices.GetServices<Workflows.Subjects.IWorkflowSubjectType>().FirstOrDefault(s => s.SubjectType == type);

    /// <summary>
    /// A request names a record that exists and a gate its workflow declares. The signatory role and the quorum come
    /// from the workflow, not from whoever raises the request: a role the gate does not name is refused, a quorum
    /// below the gate's is raised to it, and a Supplier never signs.
    /// </summary>
    protected override async Task<IActionResult?> BeforeCreateAsync(SignOffRequest entity, CancellationToken ct)
    {
        if (entity.RequiredRole == Auth.Roles.Supplier)
            return ODataErrors.BadRequest("supplier-never-signs", "A supplier never signs off a council's gate.");
        var subject = Subject(entity.SubjectType);
        if (subject is null || !await subject.ExistsAsync(entity.SubjectId, ct))
            return ODataErrors.BadRequest("UnknownReference", $"{entity.SubjectType} {entity.SubjectId} does not exist.");
        var gates = await Gates.OfAsync(entity.SubjectType, entity.SubjectId, ct);
        if (!gates.TryGetValue(entity.Gate, out var gate))
        {
            return ODataErrors.BadRequest("unknown-gate", gates.Count == 0
                ? $"{entity.SubjectType} {entity.SubjectId} runs no workflow with sign-off gates."
                : $"{entity.SubjectType} {entity.SubjectId} has no sign-off gate '{entity.Gate}'; its gates are: {string.Join(", ", gates.Keys.Order(StringComparer.Ordinal))}.");
        }

        if (string.IsNullOrEmpty(entity.RequiredRole) && gate.Roles.Count == 1)
            entity.RequiredRole = gate.Roles[0];
        if (!gate.Roles.Contains(entity.RequiredRole))
        {
            return ODataErrors.BadRequest("signoff-role-from-workflow",
                $"The {entity.Gate} gate is signed by {string.Join(" and ", gate.Roles)}, as its workflow says; '{entity.RequiredRole}' does not sign it.");
        }

        entity.Quorum = Math.Max(entity.Quorum, gate.Quorum);
        entity.RaisedBy = User.Identity?.Name ?? "";
        entity.RaisedAt = time.GetUtcNow().UtcDateTime;
        entity.Status = SignOffStatus.Pending;
        entity.Approvals = 0;
        return null;
    }

    /// <summary>POST /odata/SignOffRequests(1)/Governance.Decide { "Decision": "Approved", "Reason": "..." }</summary>
    [HttpPost]
    public async Task<IActionResult> Decide([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!Enum.TryParse<SignOffStatus>(parameters?.GetValueOrDefault("Decision") as string, out var decision))
            return ODataErrors.BadRequest("signoff-decision", "Decision must be Approved, ApprovedWithConditions or Rejected.");
        var (request, refusal) = await Service<SignOffDecider>().DecideAsync(key, decision, parameters?.GetValueOrDefault("Reason") as string, User, ct);
        return refusal is null ? Ok(request) : ODataErrors.Error(refusal.Status, refusal.Rule, refusal.Message);
    }
}
