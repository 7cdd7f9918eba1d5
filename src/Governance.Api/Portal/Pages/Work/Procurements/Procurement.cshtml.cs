using System.Globalization;
using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Tendering;
using Governance.Api.Features.Tendering.Bids;
using Governance.Api.Features.Workflows;
using Governance.Api.Portal.Work;
using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Governance.Reports.Html;
using Governance.Reports.Layout;
using Governance.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work.Procurements;

/// <summary>
/// One procurement for its team: where it stands and the workflow's next steps as buttons (each with the guards not
/// yet met, named), the timetable planned against actual as a chart with its table, sign-offs, the RAID log, budget,
/// lots and requirement document versions; and for the team only, bidders, dialogue, clarifications (answer and
/// publish to all bidders), consents and award letters. Moves go through WorkflowCommands and Clarifications, as the
/// API's Fire and clarification actions do, so the same people may do the same things.
/// </summary>
public sealed class ProcurementModel(
    GovernanceDbContext db, WorkflowSteps workflow, Clarifications clarifications, ProcurementTeam team, SubmissionDesk desk, Features.Attachments.AttachmentStore files,
    TimeProvider time) : GatedPageModel
{
    public Procurement Procurement { get; private set; } = null!;

    public IReadOnlyList<TeamRole> MyRoles { get; private set; } = [];

    public bool OnTeam => MyRoles.Count > 0;

    public IReadOnlyList<TriggerStatus> NextSteps { get; private set; } = [];

    public WorkflowSteps.View Steps => new(NextSteps, workflow.Explain, $"/work/procurements/{Procurement.Id}?handler=Fire", Errors);

    public IReadOnlyList<WorkflowTransition> History { get; private set; } = [];

    public IReadOnlyList<ProcurementStageDate> Timetable { get; private set; } = [];

    public string TimetableChart { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public IReadOnlyList<SignOffRequest> SignOffs { get; private set; } = [];

    public IReadOnlyList<RaidItem> Raid { get; private set; } = [];

    public IReadOnlyList<BudgetLine> Budget { get; private set; } = [];

    public IReadOnlyList<Lot> Lots { get; private set; } = [];

    public IReadOnlyList<RequirementDocument> Requirements { get; private set; } = [];

    public IReadOnlyList<ProcurementTeamMember> Team { get; private set; } = [];

    public IReadOnlyList<Bidder> Bidders { get; private set; } = [];

    public IReadOnlyList<DialogueSession> Dialogue { get; private set; } = [];

    public IReadOnlyList<ClarificationQuestion> Questions { get; private set; } = [];

    public IReadOnlyList<ConsentRecord> Consents { get; private set; } = [];

    public IReadOnlyList<AwardLetter> Letters { get; private set; } = [];

    /// <summary>Bids the team may read: those of stages whose bids are opened.</summary>
    public IReadOnlyList<Submission> OpenedBids { get; private set; } = [];

    public ILookup<(Domain.Documents.AttachmentOwner, int), Domain.Documents.Attachment> Files { get; private set; } =
        Array.Empty<Domain.Documents.Attachment>().ToLookup(a => (a.OwnerType, a.OwnerId));

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("ProcurementTeamMembers", user.IsInRole);

    public string BidderName(int bidderId) => Bidders.FirstOrDefault(b => b.Id == bidderId)?.Supplier?.Name ?? $"Bidder {bidderId}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Takes one of the workflow's steps, with the same refusals as the API's Fire (403 role or team, 409 guards, 400 not in state).</summary>
    public async Task<IActionResult> OnPostFireAsync(int id, string? trigger, string? comment, CancellationToken ct)
    {
        if (!await db.Procurements.AnyAsync(p => p.Id == id, ct) || await workflow.InstanceAsync(nameof(Domain.Tendering.Procurement), id, ct) is not { } instance)
            return NotFound();
        if (string.IsNullOrWhiteSpace(trigger))
            return BadRequest("Choose the step to take.");
        try
        {
            if (await workflow.TakeAsync(instance, trigger, comment, User, ct) is { } refused)
                return await ShowAsync(id, () => Refused(WorkflowSteps.Field(trigger), refused), ct);
            await db.SaveChangesAsync(ct);
        }
        catch (BusinessRuleException rule)
        {
            return await ShowAsync(id, () => Refused(WorkflowSteps.Field(trigger), rule), ct);
        }
        return Redirect($"/work/procurements/{id}?done=moved#next-steps");
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, int question, string? answer, CancellationToken ct)
    {
        var (found, refused) = await clarifications.AnswerAsync(question, answer, User, ct);
        if (found is null || found.ProcurementId != id)
            return NotFound();
        if (refused is not null)
            return await ShowAsync(id, () => Refused($"answer-{question}", refused), ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"/work/procurements/{id}?done=answered#clarifications");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int question, CancellationToken ct)
    {
        // The question must belong to this procurement before anything is published or any bidder told.
        if (!await team.Confidential(db.ClarificationQuestions, User).AnyAsync(q => q.Id == question && q.ProcurementId == id, ct))
            return NotFound();
        var (_, refused) = await clarifications.PublishAsync(question, User, ct);
        if (refused is not null)
            return await ShowAsync(id, () => Refused($"answer-{question}", refused), ct);
        await db.SaveChangesAsync(ct);
        return Redirect($"/work/procurements/{id}?done=published#clarifications");
    }

    /// <summary>The team attaches a file to one of this procurement's requirement documents (never replacing one: a new file is another attachment).</summary>
    public async Task<IActionResult> OnPostAttachAsync(int id, int document, IFormFile? file, CancellationToken ct)
    {
        if (!await db.RequirementDocuments.AnyAsync(r => r.Id == document && r.ProcurementId == id, ct))
            return NotFound();
        var field = $"file-{document}";
        if (file is not { Length: > 0 })
            return await ShowAsync(id, () => { Errors[field] = "Choose a file to attach"; Response.StatusCode = StatusCodes.Status400BadRequest; }, ct);
        try
        {
            if ((await files.AttachAsync(Domain.Documents.AttachmentOwner.RequirementDocument, document, file, User, ct)).Refused is { } refused)
                return await ShowAsync(id, () => Refused(field, refused), ct);
        }
        catch (BusinessRuleException rule)
        {
            return await ShowAsync(id, () => Refused(field, rule), ct);
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"/work/procurements/{id}?done=attached#requirements");
    }

    private async Task<IActionResult> ShowAsync(int id, Action refuse, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        refuse();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Procurements.AsNoTracking().Include(p => p.Department).SingleOrDefaultAsync(p => p.Id == id, ct) is not { } procurement)
            return false;
        Procurement = procurement;
        Today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var name = User.Identity?.Name ?? "";
        Team = await db.ProcurementTeamMembers.AsNoTracking().Where(m => m.ProcurementId == id).OrderBy(m => m.Role).ThenBy(m => m.UserName).ToListAsync(ct);
        MyRoles = [.. Team.Where(m => m.UserName == name).Select(m => m.Role)];
        if (await workflow.InstanceAsync(nameof(Domain.Tendering.Procurement), id, ct) is { } instance)
        {
            NextSteps = OnTeam ? await workflow.StepsAsync(instance, User, ct) : [];
            History = await db.Set<WorkflowTransition>().AsNoTracking().Where(t => t.WorkflowInstanceId == instance.Id)
                .OrderByDescending(t => t.Sequence).Take(10).ToListAsync(ct);
        }

        Timetable = (await db.ProcurementStageDates.AsNoTracking().Where(d => d.ProcurementId == id).ToListAsync(ct)).OrderBy(d => d.Stage).ToList();
        TimetableChart = Chart(procurement, Timetable);
        SignOffs = await db.SignOffRequests.AsNoTracking().Where(s => s.SubjectType == nameof(Domain.Tendering.Procurement) && s.SubjectId == id)
            .OrderByDescending(s => s.RaisedAt).ToListAsync(ct);
        Raid = await db.RaidItems.AsNoTracking().Where(r => r.ProcurementId == id && r.ArchivedAt == null).OrderBy(r => r.Closed).ThenBy(r => r.Kind).ThenBy(r => r.Id).ToListAsync(ct);
        Budget = await db.BudgetLines.AsNoTracking().Where(b => b.ProcurementId == id).OrderBy(b => b.Id).ToListAsync(ct);
        Lots = await db.Lots.AsNoTracking().Where(l => l.ProcurementId == id).OrderBy(l => l.Id).ToListAsync(ct);
        Requirements = await db.RequirementDocuments.AsNoTracking().Where(r => r.ProcurementId == id).OrderBy(r => r.Title).ThenByDescending(r => r.Version).ToListAsync(ct);

        // Bidders' records are the team's only: read through the same confidentiality as the API's sets.
        if (OnTeam)
        {
            OpenedBids = await desk.Readable(db.Submissions.AsNoTracking(), User).Where(s => s.ProcurementId == id).OrderBy(s => s.Stage).ThenBy(s => s.BidderId).ThenBy(s => s.Version).ToListAsync(ct);
            Bidders = await db.Bidders.AsNoTracking().Include(b => b.Supplier).Where(b => b.ProcurementId == id).OrderBy(b => b.Id).ToListAsync(ct);
            Dialogue = await team.Confidential(db.DialogueSessions.AsNoTracking(), User).Where(d => d.ProcurementId == id).OrderByDescending(d => d.HeldOn).ToListAsync(ct);
            Questions = await team.Confidential(db.ClarificationQuestions.AsNoTracking(), User).Where(q => q.ProcurementId == id).OrderByDescending(q => q.AskedAt).ToListAsync(ct);
            Consents = await team.Confidential(db.ConsentRecords.AsNoTracking(), User).Where(c => c.ProcurementId == id).OrderByDescending(c => c.GivenAt).ToListAsync(ct);
            Letters = await team.Confidential(db.AwardLetters.AsNoTracking(), User).Where(l => l.ProcurementId == id).OrderByDescending(l => l.GeneratedAt).ToListAsync(ct);
        }

        var requirementIds = Requirements.Select(r => r.Id).ToList();
        var bidIds = OpenedBids.Select(b => b.Id).ToList();
        Files = (await files.Readable(User).Where(a => (a.OwnerType == Domain.Documents.AttachmentOwner.RequirementDocument && requirementIds.Contains(a.OwnerId))
                || (a.OwnerType == Domain.Documents.AttachmentOwner.Submission && bidIds.Contains(a.OwnerId))).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => (a.OwnerType, a.OwnerId));
        return true;
    }

    /// <summary>Planned against actual, in days from the start of the procurement, stage by stage, as SVG with its figures as a table.</summary>
    private static string Chart(Procurement procurement, IReadOnlyList<ProcurementStageDate> timetable)
    {
        if (timetable.Count == 0)
            return "";
        double? Days(DateOnly? date) => date is { } d ? d.DayNumber - procurement.StartedOn.DayNumber : null;
        var chart = new BarChart("Timetable: days from the start, planned and actual",
            [.. timetable.Select(d => PortalText.Words(d.Stage.ToString()))],
            [new ChartSeries("Planned", [.. timetable.Select(d => Days(d.PlannedOn))]), new ChartSeries("Actual", [.. timetable.Select(d => Days(d.ActualOn))])],
            "days");
        return HtmlPaperWriter.Write(new ReportDocument(new DocumentInfo(procurement.Reference, "", "", "", DateTimeOffset.UnixEpoch), [chart]), topLevel: 3);
    }

    public static string Money(decimal value) => value.ToString("C0", CultureInfo.GetCultureInfo("en-GB"));
}
