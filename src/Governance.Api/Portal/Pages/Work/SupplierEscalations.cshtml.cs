using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Escalations;
using Governance.Domain.Common;
using Governance.Domain.Escalations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work;

/// <summary>
/// A supplier's escalations: each one about its own contracts, where it is on the ladder and by when the council
/// must respond, the agreed plans and their actions, and a report on each action the supplier owns (through
/// RemediationPlanning, as the API's RemediationActionResponses). Read through SupplierEscalations, the API's scope.
/// </summary>
public sealed class SupplierEscalationsModel(GovernanceDbContext db, RemediationPlanning planning) : GatedPageModel
{
    public IReadOnlyList<Escalation> Escalations { get; private set; } = [];

    public IReadOnlyDictionary<int, string> ContractNames { get; private set; } = new Dictionary<int, string>();

    public ILookup<int, RemediationPlan> Plans { get; private set; } = Array.Empty<RemediationPlan>().ToLookup(p => p.EscalationId);

    public ILookup<int, RemediationAction> Actions { get; private set; } = Array.Empty<RemediationAction>().ToLookup(a => a.RemediationPlanId);

    public ILookup<int, RemediationActionResponse> Responses { get; private set; } = Array.Empty<RemediationActionResponse>().ToLookup(r => r.RemediationActionId);

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    protected override bool MayUse(ClaimsPrincipal user) => user.SupplierScope() is not null && AccessRules.CanWrite("RemediationActionResponses", user.IsInRole);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int action, string? response, bool done, CancellationToken ct)
    {
        var report = new RemediationActionResponse { RemediationActionId = action, Response = response ?? "", ReportsDone = done };
        try
        {
            if (report.Response.Length > 4000)
                throw new BusinessRuleException("response-length", "Keep the report to 4,000 characters.", isInvalidInput: true);
            // Not one of this supplier's actions: as if it did not exist.
            if (await planning.RespondAsync(report, User, ct) is not null)
                return NotFound();
        }
        catch (BusinessRuleException rule)
        {
            Refused($"response-{action}", rule);
            await LoadAsync(ct);
            return Page();
        }
        db.RemediationActionResponses.Add(report);
        await db.SaveChangesAsync(ct);
        return Redirect("/work/supplier/escalations?sent=true#action-" + action);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var supplierId = User.SupplierScope()!.Value;
        Escalations = await db.Escalations.AsNoTracking().Where(SupplierEscalations.Escalations(db, supplierId)).OrderByDescending(e => e.OpenedAt).ToListAsync(ct);
        var contractIds = Escalations.Select(e => e.ContractId).ToList();
        ContractNames = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => $"{c.Reference}: {c.Title}", ct);
        var plans = await db.RemediationPlans.AsNoTracking().Where(SupplierEscalations.Plans(db, supplierId)).OrderByDescending(p => p.AgreedOn).ToListAsync(ct);
        Plans = plans.ToLookup(p => p.EscalationId);
        var actions = await db.RemediationActions.AsNoTracking().Where(SupplierEscalations.Actions(db, supplierId)).OrderBy(a => a.DueOn).ToListAsync(ct);
        Actions = actions.ToLookup(a => a.RemediationPlanId);
        Responses = (await db.RemediationActionResponses.AsNoTracking().Where(SupplierEscalations.Responses(db, supplierId)).OrderBy(r => r.RespondedAt).ToListAsync(ct))
            .ToLookup(r => r.RemediationActionId);
    }
}
