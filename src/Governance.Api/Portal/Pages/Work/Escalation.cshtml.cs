using System.Globalization;
using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Api.Features.Escalations;
using Governance.Api.Portal.Work;
using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Escalations;
using Governance.Reports.Documents;
using Governance.Reports.Html;
using Governance.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work;

/// <summary>
/// An escalation for the contract manager: where it stands on the ladder and who holds it until when; its next steps
/// (the workflow's, taken through WorkflowSteps as the API's Fire); agreeing a remediation plan with its actions,
/// which records the plan and takes the AgreeRemediation step in one transaction; the plan's actions with the
/// supplier's reports, each marked done by the council; then the escalation report itself as HTML (the same document
/// model as the PDF the API's GenerateReport files). The escalation must be readable through the caller's exemption
/// filter; the page is for those who may act on escalations (the API's write rule).
/// </summary>
public sealed class EscalationModel(
    GovernanceDbContext db, PaperDataLoader loader, WorkflowSteps workflow, RemediationPlanning planning, PerformanceReports reports, TimeProvider time)
    : GatedPageModel
{
    public const string AgreeStep = "AgreeRemediation";

    public static readonly EscalationLevel[] Ladder = [EscalationLevel.ContractManager, EscalationLevel.HeadOfService, EscalationLevel.Director, EscalationLevel.ScrutinyCommittee];

    public Escalation Escalation { get; private set; } = null!;

    public string Report { get; private set; } = "";

    public IReadOnlyList<TriggerStatus> NextSteps { get; private set; } = [];

    public WorkflowSteps.View Steps => new([.. NextSteps.Where(s => s.Trigger != AgreeStep)], workflow.Explain, $"/work/escalations/{Escalation.Id}?handler=Fire", Errors);

    /// <summary>Agreeing a plan is offered with its own form when the workflow has that step here.</summary>
    public TriggerStatus? Agree => NextSteps.FirstOrDefault(s => s.Trigger == AgreeStep);

    public IReadOnlyList<RemediationPlan> Plans { get; private set; } = [];

    public IReadOnlyList<RemediationAction> Actions { get; private set; } = [];

    public ILookup<int, RemediationActionResponse> Responses { get; private set; } = Array.Empty<RemediationActionResponse>().ToLookup(r => r.RemediationActionId);

    [BindProperty]
    public PlanForm Plan { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public sealed class PlanForm
    {
        public string? Title { get; set; }

        public string? Objective { get; set; }

        public string? AgreedWith { get; set; }

        public List<ActionForm> Actions { get; set; } = [new(), new(), new()];
    }

    public sealed class ActionForm
    {
        public string? Description { get; set; }

        public string? Owner { get; set; }

        public string? DueOn { get; set; }

        public bool OwnerIsSupplier { get; set; }
    }

    // Whoever may record a plan at some rung (contract manager, SLA owner, head of service, director) works the case
    // here, as through the API; each step still asks the workflow's roles and guards.
    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("RemediationPlans", user.IsInRole);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFireAsync(int id, string? trigger, string? comment, CancellationToken ct)
    {
        if (!await db.Escalations.AnyAsync(e => e.Id == id, ct) || await workflow.InstanceAsync(nameof(Domain.Escalations.Escalation), id, ct) is not { } instance)
            return NotFound();
        if (string.IsNullOrWhiteSpace(trigger))
            return BadRequest("Choose the step to take.");
        try
        {
            if (await workflow.TakeAsync(instance, trigger, comment, User, ct) is { } refused)
                return await ShowAsync(id, () => Refused(WorkflowSteps.Field(trigger), refused), ct);
        }
        catch (BusinessRuleException rule)
        {
            return await ShowAsync(id, () => Refused(WorkflowSteps.Field(trigger), rule), ct);
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"/work/escalations/{id}?done=moved");
    }

    /// <summary>Records the plan and its actions and takes the AgreeRemediation step, all or nothing.</summary>
    public async Task<IActionResult> OnPostAgreeAsync(int id, CancellationToken ct)
    {
        if (!await db.Escalations.AnyAsync(e => e.Id == id, ct) || await workflow.InstanceAsync(nameof(Domain.Escalations.Escalation), id, ct) is not { } instance)
            return NotFound();
        var plan = new RemediationPlan { EscalationId = id, Title = Plan.Title?.Trim() ?? "", Objective = Plan.Objective?.Trim() ?? "", AgreedWith = string.IsNullOrWhiteSpace(Plan.AgreedWith) ? null : Plan.AgreedWith.Trim() };
        if (plan.Title.Length is 0 or > 300)
            Errors["plan-title"] = "Enter the plan's title, in no more than 300 characters";
        if (plan.Objective.Length is 0 or > 4000)
            Errors["plan-objective"] = "Enter what the plan must achieve, in no more than 4,000 characters";
        var actions = new List<RemediationAction>();
        for (var i = 0; i < Plan.Actions.Count && i < 3; i++)
        {
            var given = Plan.Actions[i];
            if (string.IsNullOrWhiteSpace(given.Description) && string.IsNullOrWhiteSpace(given.Owner) && string.IsNullOrWhiteSpace(given.DueOn))
                continue;
            if (string.IsNullOrWhiteSpace(given.Description) || given.Description.Trim().Length > 1000)
                Errors[$"action-{i}-description"] = $"Enter what action {i + 1} is, in no more than 1,000 characters";
            if (string.IsNullOrWhiteSpace(given.Owner) || given.Owner.Trim().Length > 200)
                Errors[$"action-{i}-owner"] = $"Enter who owns action {i + 1}";
            if (!DateOnly.TryParseExact(given.DueOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                Errors[$"action-{i}-due"] = $"Enter the date action {i + 1} is due, for example 2027-01-31";
            else
                actions.Add(new RemediationAction { Description = given.Description!.Trim(), Owner = given.Owner!.Trim(), DueOn = due, OwnerIsSupplier = given.OwnerIsSupplier, Status = RemediationActionStatus.Open });
        }
        if (actions.Count == 0 && !Errors.Keys.Any(k => k.StartsWith("action-", StringComparison.Ordinal)))
            Errors["action-0-description"] = "Enter at least one action, with its owner and due date";
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(id, () => { }, ct);
        }

        await using var transaction = await db.Database.BeginUnlessInOneAsync(ct);
        if (await planning.PlanAsync(plan, ct) is { } notOpen)
            return await UndoAsync(transaction, id, () => Refused("plan-title", notOpen), ct);
        db.RemediationPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        foreach (var action in actions)
            action.RemediationPlanId = plan.Id;
        db.RemediationActions.AddRange(actions);
        if (await workflow.TakeAsync(instance, AgreeStep, $"Remediation plan agreed: {plan.Title}", User, ct) is { } refused)
            return await UndoAsync(transaction, id, () => Refused("plan-title", refused), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitIfOwnAsync(ct);
        return Redirect($"/work/escalations/{id}?done=agreed");
    }

    /// <summary>Whether the report can be filed as a PDF here (a director's or the committee's rung, about a contract).</summary>
    public bool Reportable => PerformanceReports.RefuseReport(Escalation) is null;

    /// <summary>Files the escalation report as a new published PDF version (as the API's GenerateReport) and downloads it.</summary>
    public async Task<IActionResult> OnPostPdfAsync(int id, CancellationToken ct)
    {
        if (await db.Escalations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is not { } escalation)
            return NotFound();
        if (PerformanceReports.RefuseReport(escalation) is { } refused)
        {
            Errors["report"] = refused.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        if (await reports.StageEscalationReportAsync(id, User.Identity?.Name ?? "", ct) is not { } staged)
            return NotFound();
        await db.SaveChangesAsync(ct);
        return PdfResults.Pdf(Response, staged.Document, staged.Bytes);
    }

    /// <summary>The council marks an action done (as the API's Complete), having read the supplier's report.</summary>
    public async Task<IActionResult> OnPostCompleteAsync(int id, int action, CancellationToken ct)
    {
        var found = await db.RemediationActions.SingleOrDefaultAsync(a => a.Id == action && db.RemediationPlans.Any(p => p.Id == a.RemediationPlanId && p.EscalationId == id), ct);
        if (found is null)
            return NotFound();
        try
        {
            found.Complete(LondonTime.DateOf(time.GetUtcNow().UtcDateTime));
        }
        catch (BusinessRuleException rule)
        {
            return await ShowAsync(id, () => Refused($"action-{action}", rule), ct);
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"/work/escalations/{id}?done=completed#actions");
    }

    /// <summary>A refused agreement takes its plan with it: rolled back before the page is read again.</summary>
    private async Task<IActionResult> UndoAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, int id, Action refuse, CancellationToken ct)
    {
        if (transaction is not null)
            await transaction.RollbackAsync(ct);
        return await ShowAsync(id, refuse, ct);
    }

    private async Task<IActionResult> ShowAsync(int id, Action refuse, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        refuse();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Escalations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is not { } escalation
            || await loader.EscalationAsync(id, ct) is not { } found)
            return false;
        Escalation = escalation;
        Report = HtmlPaperWriter.Write(EscalationReport.Build(found.Escalation, found.Contract, time.GetUtcNow()), topLevel: 2);
        if (await workflow.InstanceAsync(nameof(Domain.Escalations.Escalation), id, ct) is { } instance)
            NextSteps = await workflow.StepsAsync(instance, User, ct);
        Plans = await db.RemediationPlans.AsNoTracking().Where(p => p.EscalationId == id).OrderByDescending(p => p.AgreedOn).ThenByDescending(p => p.Id).ToListAsync(ct);
        var planIds = Plans.Select(p => p.Id).ToList();
        Actions = await db.RemediationActions.AsNoTracking().Where(a => planIds.Contains(a.RemediationPlanId)).OrderBy(a => a.DueOn).ToListAsync(ct);
        var actionIds = Actions.Select(a => a.Id).ToList();
        Responses = (await db.RemediationActionResponses.AsNoTracking().Where(r => actionIds.Contains(r.RemediationActionId)).OrderBy(r => r.RespondedAt).ToListAsync(ct))
            .ToLookup(r => r.RemediationActionId);
        return true;
    }
}
