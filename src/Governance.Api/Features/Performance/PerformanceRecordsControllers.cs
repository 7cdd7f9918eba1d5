using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

/// <summary>Every version of every KPI's definition, with the period it took effect and why it changed.</summary>
public sealed class IndicatorVersionsController(GovernanceDbContext db) : LogEntitySetController<IndicatorVersion>(db);

/// <summary>Published contract performance assessments (UK9), frozen as published.</summary>
public sealed class PerformanceAssessmentsController(GovernanceDbContext db) : LogEntitySetController<PerformanceAssessment>(db);

/// <summary>Notices of poor performance or breach (s.71(4)-(5)), publishable only after a remediation plan for the cause was missed or failed.</summary>
public sealed class PerformanceNoticesController(GovernanceDbContext db, TimeProvider time) : AppendOnlyEntitySetController<PerformanceNotice>(db)
{
    protected override async Task<IActionResult?> BeforeCreateAsync(PerformanceNotice entity, CancellationToken ct)
    {
        entity.Status = PerformanceNoticeStatus.Draft;
        return await Db.Escalations.AnyAsync(e => e.Id == entity.EscalationId && e.ContractId == entity.ContractId, ct)
            ? null
            : ODataErrors.BadRequest("notice-escalation", $"EscalationId {entity.EscalationId} is not an escalation of contract {entity.ContractId}.");
    }

    /// <summary>POST /odata/PerformanceNotices(1)/Governance.Publish — only once the supplier's opportunity to improve on this cause was missed or failed.</summary>
    [HttpPost]
    public async Task<IActionResult> Publish([Microsoft.AspNetCore.OData.Formatter.FromODataUri] int key, CancellationToken ct)
    {
        if (!Auth.AccessRules.CanWrite("PerformanceNotices", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "notice-write", "Contract managers publish performance notices.");
        var notice = await Scope(Db.PerformanceNotices).SingleOrDefaultAsync(n => n.Id == key, ct);
        if (notice is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"PerformanceNotice {key} does not exist.");
        var plans = Db.RemediationPlans.Where(p => p.EscalationId == notice.EscalationId).Select(p => p.Id);
        var agreed = await plans.AnyAsync(ct);
        var missed = await Db.RemediationActions.AnyAsync(a => plans.Contains(a.RemediationPlanId) && a.Status == RemediationActionStatus.Missed, ct);
        var instances = Db.WorkflowInstances.Where(w => w.SubjectType == nameof(Escalation) && w.SubjectId == notice.EscalationId).Select(w => w.Id);
        var breached = await Db.WorkflowTransitions.AnyAsync(t => instances.Contains(t.WorkflowInstanceId) && t.Trigger == "PlanBreached", ct);
        notice.Publish(agreed, missed || breached, User.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(ct);
        return Ok(notice);
    }
}
