using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

/// <summary>Sign-off requests are raised, then decided by the role they name; the request itself is never edited.</summary>
public sealed class SignOffRequestsController(GovernanceDbContext db, TimeProvider time) : AppendOnlyEntitySetController<SignOffRequest>(db)
{
    /// <summary>Gates whose signatory must stand outside the procurement's team: closing the dialogue and the award.</summary>
    public static readonly IReadOnlySet<string> IndependentGates = new HashSet<string>(StringComparer.Ordinal) { "dialogue-closure", "award" };

    /// <summary>
    /// A request names a record that exists, a gate its workflow has (a <c>signoff:</c> guard), and a council role
    /// as signatory: never a Supplier.
    /// </summary>
    protected override async Task<IActionResult?> BeforeCreateAsync(SignOffRequest entity, CancellationToken ct)
    {
        if (!Auth.Roles.All.Contains(entity.RequiredRole))
            return ODataErrors.BadRequest("unknown-role", $"RequiredRole must be one of {string.Join(", ", Auth.Roles.All)}.");
        if (entity.RequiredRole == Auth.Roles.Supplier)
            return ODataErrors.BadRequest("supplier-never-signs", "A supplier never signs off a council's gate.");
        var subject = HttpContext.RequestServices.GetServices<Workflows.Subjects.IWorkflowSubjectType>().FirstOrDefault(s => s.SubjectType == entity.SubjectType);
        if (subject is null || !await subject.ExistsAsync(entity.SubjectId, ct))
            return ODataErrors.BadRequest("UnknownReference", $"{entity.SubjectType} {entity.SubjectId} does not exist.");
        var gates = HttpContext.RequestServices.GetRequiredService<Workflows.WorkflowDefinitions>().All.Where(d => d.Subject == entity.SubjectType)
            .SelectMany(d => d.States.Values).SelectMany(s => s.On.Values).SelectMany(t => t.Requires)
            .Where(r => r.StartsWith("signoff:", StringComparison.Ordinal)).Select(r => r["signoff:".Length..]).ToHashSet(StringComparer.Ordinal);
        if (!gates.Contains(entity.Gate))
            return ODataErrors.BadRequest("unknown-gate", $"{entity.SubjectType} has no sign-off gate '{entity.Gate}'; its gates are: {string.Join(", ", gates.Order(StringComparer.Ordinal))}.");
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
        var request = await Scope(Db.SignOffRequests).SingleOrDefaultAsync(s => s.Id == key, ct);
        if (request is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"SignOffRequest {key} does not exist.");
        if (!User.IsInRole(request.RequiredRole) || User.IsInRole(Auth.Roles.Supplier))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "signoff-role", $"This sign-off is for the {request.RequiredRole} role.");
        if (request.SubjectType == nameof(Domain.Tendering.Procurement) && IndependentGates.Contains(request.Gate)
            && await HttpContext.RequestServices.GetRequiredService<Tendering.ProcurementTeam>().IsMemberAsync(request.SubjectId, User, ct))
        {
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "independent-signoff",
                $"The {request.Gate} gate is signed off by someone outside the procurement's team; you are on it.");
        }
        var decidedBy = await Db.SignOffDecisions.Where(d => d.SignOffRequestId == key).Select(d => d.DecidedBy).ToListAsync(ct);
        try
        {
            Db.SignOffDecisions.Add(request.Decide(decision, User.Identity?.Name ?? "", parameters?.GetValueOrDefault("Reason") as string, time.GetUtcNow().UtcDateTime, decidedBy));
        }
        catch (BusinessRuleException rule) when (rule.Rule == "no-self-sign-off")
        {
            return ODataErrors.Error(StatusCodes.Status403Forbidden, rule.Rule, rule.Message);
        }

        await Db.SaveChangesAsync(ct);
        return Ok(request);
    }
}
