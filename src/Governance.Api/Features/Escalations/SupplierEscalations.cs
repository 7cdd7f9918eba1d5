using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Domain.Escalations;

namespace Governance.Api.Features.Escalations;

/// <summary>
/// What of the escalation ladder a supplier may read: escalations about its own contracts (never an internal SLA's),
/// their remediation plans and actions, and the reports on those actions. The API's sets and the supplier's portal
/// page read through these same conditions.
/// </summary>
public static class SupplierEscalations
{
    public static Expression<Func<Escalation, bool>> Escalations(GovernanceDbContext db, int supplierId) =>
        e => e.ContractId != null && db.Contracts.Any(c => c.Id == e.ContractId && c.SupplierId == supplierId);

    public static Expression<Func<RemediationPlan, bool>> Plans(GovernanceDbContext db, int supplierId) =>
        p => db.Escalations.Any(e => e.Id == p.EscalationId && e.ContractId != null && db.Contracts.Any(c => c.Id == e.ContractId && c.SupplierId == supplierId));

    public static Expression<Func<RemediationAction, bool>> Actions(GovernanceDbContext db, int supplierId) =>
        a => db.RemediationPlans.Any(p => p.Id == a.RemediationPlanId
            && db.Escalations.Any(e => e.Id == p.EscalationId && e.ContractId != null && db.Contracts.Any(c => c.Id == e.ContractId && c.SupplierId == supplierId)));

    public static Expression<Func<RemediationActionResponse, bool>> Responses(GovernanceDbContext db, int supplierId) =>
        r => db.RemediationActions.Any(a => a.Id == r.RemediationActionId && db.RemediationPlans.Any(p => p.Id == a.RemediationPlanId
            && db.Escalations.Any(e => e.Id == p.EscalationId && e.ContractId != null && db.Contracts.Any(c => c.Id == e.ContractId && c.SupplierId == supplierId))));
}
