using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Domain.Appraisal;
using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Governance.Reports.Documents;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Documents;

/// <summary>
/// Reads what a paper or report shows from the database. It reads past the exemption filter on purpose: a
/// document is built for the whole committee and split into Part A and Part B by the markings, whoever asks.
/// </summary>
public sealed class PaperDataLoader(GovernanceDbContext db, ContractPerformance performance, TimeProvider time)
{
    private static readonly string[] Exempt = [ExemptionFilter.Name];
    private Dictionary<(string Type, int Key), Exemption>? exemptions;

    public async Task<CommitteePaperData?> CommitteePaperAsync(int agendaItemId, CancellationToken ct)
    {
        var item = await db.AgendaItems.IgnoreQueryFilters(Exempt).AsNoTracking().SingleOrDefaultAsync(a => a.Id == agendaItemId, ct);
        if (item is null)
            return null;
        var meeting = await db.Meetings.IgnoreQueryFilters(Exempt).AsNoTracking().Include(m => m.Committee).SingleAsync(m => m.Id == item.MeetingId, ct);
        await LoadExemptionsAsync(ct);

        var narrative = await db.PaperSections.IgnoreQueryFilters(Exempt).AsNoTracking().Where(s => s.AgendaItemId == item.Id)
            .OrderBy(s => s.Number).ThenBy(s => s.Order).ThenBy(s => s.Id).ToListAsync(ct);
        // A paper reports the position as at its meeting: returns recorded and checked by then, escalations, plans,
        // sign-offs and consultations as they stood then. Regenerated later, it shows the same figures.
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = meeting.StartsAt < now ? meeting.StartsAt : now;
        var asAt = LondonTime.DateOf(cutoff);
        var procurement = item.SubjectType == nameof(Procurement) ? await ProcurementAsync(item.SubjectId!.Value, asAt, ct) : null;

        var contractIds = item.SubjectType switch
        {
            nameof(Contract) => [item.SubjectId!.Value],
            nameof(Procurement) => await db.Contracts.Where(c => c.ProcurementId == item.SubjectId).Select(c => c.Id).ToListAsync(ct),
            nameof(Escalation) => await db.Escalations.Where(e => e.Id == item.SubjectId && e.ContractId != null).Select(e => e.ContractId!.Value).ToListAsync(ct),
            _ => [],
        };
        var contracts = new Dictionary<int, ContractData>();
        foreach (var id in contractIds)
            contracts[id] = await ContractAsync(id, withAssessment: true, ct, asAt: asAt, cutoff: cutoff);
        var escalations = new List<EscalationData>();
        foreach (var escalation in await db.Escalations.IgnoreQueryFilters(Exempt).AsNoTracking()
                     .Where(e => e.ContractId != null && contractIds.Contains(e.ContractId.Value) && e.OpenedAt <= cutoff).OrderBy(e => e.OpenedAt).ToListAsync(ct))
        {
            if (await EscalationAsync(escalation, contracts[escalation.ContractId!.Value], ct, cutoff) is { } open)
                escalations.Add(open);
        }

        var subjectType = item.SubjectType ?? nameof(AgendaItem);
        var subjectId = item.SubjectId ?? item.Id;
        var signOffs = await db.SignOffRequests.AsNoTracking().Where(r => r.SubjectType == subjectType && r.SubjectId == subjectId && r.RaisedAt <= cutoff).OrderBy(r => r.RaisedAt).ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.SubjectType == subjectType && c.SubjectId == subjectId && c.OpenedAt <= cutoff).OrderBy(c => c.OpenedAt).ToListAsync(ct);

        var startsLocal = TimeZoneInfo.ConvertTimeFromUtc(meeting.StartsAt, LondonTime.Zone);
        var header = new PaperHeader(
            meeting.Committee?.Name ?? "", DateOnly.FromDateTime(startsLocal), startsLocal.ToString("h:mm tt", System.Globalization.CultureInfo.GetCultureInfo("en-GB")).ToLowerInvariant(),
            meeting.Venue, item.Number, item.Title, item.Wards, item.LeadOfficer ?? procurement?.Department, item.LeadMember, item.ContactOfficer,
            (item.Recommendations ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new CommitteePaperData(
            header,
            [.. narrative.Select(n => new NarrativePiece(n.Number, n.Subheading, n.Body, ExemptionOf(nameof(PaperSection), n.Id)))],
            procurement,
            [.. contracts.Values],
            escalations,
            // A decision or response made after the meeting had not been made at it.
            [.. signOffs.Select(r => r.DecidedAt is { } decided && decided > cutoff
                ? new SignOffRow(r.Gate, r.RequiredRole, nameof(SignOffStatus.Pending), r.RaisedBy, r.RaisedAt, null, null, null)
                : new SignOffRow(r.Gate, r.RequiredRole, r.Status.ToString(), r.RaisedBy, r.RaisedAt, r.DecidedBy, r.DecidedAt, r.DecisionReason))],
            [.. consultations.Select(c => c.RespondedAt is { } responded && responded > cutoff
                ? new ConsultationRow(c.Topic, c.RespondBy, null, null, null)
                : new ConsultationRow(c.Topic, c.RespondBy, c.Response, c.RespondedBy, c.RespondedAt))],
            asAt)
        {
            // An item about an exempt record, or showing an exempt contract, is exempt as a whole: what is derived from
            // exempt information is exempt with it, and Part A then says only that the item is exempt and why.
            ItemExemption = ExemptionOf(nameof(AgendaItem), item.Id)
                ?? (item.SubjectType is { } subjectOf && item.SubjectId is { } subjectKey ? await SubjectExemptionAsync(subjectOf, subjectKey, ct) : null)
                ?? contractIds.Select(c => ExemptionOf(nameof(Contract), c)).FirstOrDefault(e => e is not null),
        };
    }

    /// <summary>An escalation with its contract (KPIs without the assessment), for the escalation report.</summary>
    public async Task<(EscalationData Escalation, ContractData Contract)?> EscalationAsync(int escalationId, CancellationToken ct)
    {
        var escalation = await db.Escalations.IgnoreQueryFilters(Exempt).AsNoTracking().SingleOrDefaultAsync(e => e.Id == escalationId, ct);
        if (escalation?.ContractId is not { } contractId)
            return null;
        await LoadExemptionsAsync(ct);
        var contract = await ContractAsync(contractId, withAssessment: false, ct);
        return (await EscalationAsync(escalation, contract, ct) ?? throw new InvalidOperationException("An escalation read as it is now is always there."), contract);
    }

    public async Task<ContractData?> ContractAssessmentAsync(int contractId, int year, CancellationToken ct)
    {
        if (!await db.Contracts.AnyAsync(c => c.Id == contractId, ct))
            return null;
        await LoadExemptionsAsync(ct);
        return await ContractAsync(contractId, withAssessment: true, ct, year);
    }

    private async Task LoadExemptionsAsync(CancellationToken ct) =>
        exemptions ??= (await db.ExemptionMarkings.AsNoTracking().ToListAsync(ct))
            .GroupBy(m => (m.EntityType, m.EntityKey))
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Paragraph).Select(m => new Exemption(m.Paragraph, ExemptionMarking.Paragraphs[m.Paragraph], m.PublicInterestTest)).First());

    private Exemption? ExemptionOf(string type, int key) => exemptions!.GetValueOrDefault((type, key));

    /// <summary>The marking on a subject or on a record it belongs to (an escalation's contract or SLA, a plan's escalation).</summary>
    private async Task<Exemption?> SubjectExemptionAsync(string type, int id, CancellationToken ct)
    {
        if (ExemptionOf(type, id) is { } own)
            return own;
        if (type != nameof(Escalation))
            return null;
        var escalation = await db.Escalations.IgnoreQueryFilters(Exempt).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        return escalation?.ContractId is { } contract ? ExemptionOf(nameof(Contract), contract)
            : escalation?.InternalSlaId is { } sla ? ExemptionOf(nameof(InternalSla), sla) : null;
    }

    private async Task<ProcurementData> ProcurementAsync(int id, DateOnly today, CancellationToken ct)
    {
        var procurement = await db.Procurements.IgnoreQueryFilters(Exempt).AsNoTracking().Include(p => p.Department).SingleAsync(p => p.Id == id, ct);
        // Stages are stored by name: order them by the procedure's sequence, not alphabetically.
        var stages = (await db.ProcurementStageDates.IgnoreQueryFilters(Exempt).AsNoTracking().Where(s => s.ProcurementId == id).ToListAsync(ct)).OrderBy(s => s.Stage).ToList();
        var budget = await db.BudgetLines.IgnoreQueryFilters(Exempt).AsNoTracking().Where(b => b.ProcurementId == id).OrderBy(b => b.Id).ToListAsync(ct);
        var raid = await db.RaidItems.IgnoreQueryFilters(Exempt).AsNoTracking().Where(r => r.ProcurementId == id).OrderBy(r => r.Id).ToListAsync(ct);
        return new ProcurementData(
            procurement.Reference, procurement.Title, ProcedureName(procurement.Procedure), procurement.Stage.ToString(), procurement.EstimatedValue, procurement.Department?.Name,
            [.. stages.Select(s => new StageRow(s.Stage.ToString(), s.PlannedOn, s.ActualOn <= today ? s.ActualOn : null, s.SlippageDays(today)))],
            [.. budget.Select(b => new BudgetRow(b.Name, b.ApprovedBy, b.Approved, b.Spent, ExemptionOf(nameof(BudgetLine), b.Id) ?? ExemptionOf(nameof(Procurement), id)))],
            await AppraisalAsync(id, ct),
            [.. raid.Select(r => new RaidRow(r.Kind.ToString(), r.Title, r.Owner, r.Rating.ToString(), r.Mitigation, r.Closed, ExemptionOf(nameof(RaidItem), r.Id) ?? ExemptionOf(nameof(Procurement), id)))]);
    }

    private static string ProcedureName(ProcurementProcedure procedure) => procedure switch
    {
        ProcurementProcedure.CompetitiveDialogue => "competitive dialogue procedure (Public Contracts Regulations 2015, regulation 30)",
        ProcurementProcedure.CompetitiveFlexible => "competitive flexible procedure (Procurement Act 2023, section 20)",
        _ => $"{procedure.ToString().ToLowerInvariant()} procedure",
    };

    private async Task<AppraisalData?> AppraisalAsync(int procurementId, CancellationToken ct)
    {
        var appraisal = await db.OptionsAppraisals.IgnoreQueryFilters(Exempt).AsNoTracking().Where(a => a.ProcurementId == procurementId).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (appraisal is null)
            return null;
        var options = await db.AppraisalOptions.IgnoreQueryFilters(Exempt).AsNoTracking().Where(o => o.OptionsAppraisalId == appraisal.Id).OrderBy(o => o.Id).ToListAsync(ct);
        var criteria = await db.AppraisalCriteria.IgnoreQueryFilters(Exempt).AsNoTracking().Where(c => c.OptionsAppraisalId == appraisal.Id).OrderBy(c => c.Id).ToListAsync(ct);
        var scores = await db.OptionScores.IgnoreQueryFilters(Exempt).AsNoTracking().Where(s => s.OptionsAppraisalId == appraisal.Id).ToListAsync(ct);
        var savings = await db.SavingsLines.IgnoreQueryFilters(Exempt).AsNoTracking().Where(s => s.OptionsAppraisalId == appraisal.Id).OrderBy(s => s.Id).ToListAsync(ct);
        var whole = ExemptionOf(nameof(OptionsAppraisal), appraisal.Id) ?? ExemptionOf(nameof(Procurement), procurementId);
        return new AppraisalData(
            appraisal.Title, appraisal.Status.ToString(), appraisal.Summary,
            [.. criteria.Select(c => (c.Name, c.Weight))],
            [.. options.Select(o => new OptionRow(
                o.Name, o.Kind.ToString(), o.IsInHouseComparator, appraisal.PreferredOptionId == o.Id, o.WholeLifeCost,
                [.. criteria.Select(c => scores.FirstOrDefault(s => s.AppraisalOptionId == o.Id && s.AppraisalCriterionId == c.Id)?.Value)],
                AppraisalRules.WeightedScore(o, criteria, scores), ExemptionOf(nameof(AppraisalOption), o.Id) ?? whole))],
            [.. savings.Select(s => new SavingsRow(s.Description, options.FirstOrDefault(o => o.Id == s.AppraisalOptionId)?.Name, s.AnnualAmount, s.Method, s.Assumptions, s.Evidence,
                ExemptionOf(nameof(SavingsLine), s.Id) ?? ExemptionOf(nameof(AppraisalOption), s.AppraisalOptionId ?? 0) ?? whole))],
            appraisal.PreferenceRationale);
    }

    /// <param name="year">The year to assess; by default the last full year before <paramref name="asAt"/> with returns, else the latest.</param>
    /// <param name="asAt">Returns after this date are left out (a past meeting's paper shows what was known then).</param>
    /// <remarks>With a year, the KPI tables stop at the end of that year: an assessment's evidence is its own year's.</remarks>
    /// <param name="cutoff">The instant the evidence is read as at (see <see cref="ContractEvidence.LoadAsync"/>).</param>
    private async Task<ContractData> ContractAsync(int id, bool withAssessment, CancellationToken ct, int? year = null, DateOnly? asAt = null, DateTime? cutoff = null)
    {
        var evidence = (await performance.EvidenceAsync(id, ct, ignoreFilters: true, cutoff))!;
        var contract = evidence.Contract;
        var until = year is { } y0 ? new DateOnly(y0, 12, 31) : asAt;
        var returns = evidence.Returns.Where(r => until == null || r.Period <= until).ToList();
        var kpis = evidence.Indicators.Select(i =>
        {
            var schedule = evidence.Schedules.Single(s => s.IndicatorId == i.Id);
            return new KpiData(
                i.Code, i.Name, i.Unit, i.Direction == Direction.HigherIsBetter, i.Target, i.RedThreshold,
                [.. returns.Where(r => r.IndicatorId == i.Id).OrderBy(r => r.Period).Select(r =>
                {
                    var counted = ReturnCounting.Count(i.Id, r.Period, IndicatorVersion.InForce(schedule.Versions, r.Period), r, evidence.Policy)!;
                    return new KpiPoint(r.Period, r.Value, counted.Rag, r.Status.ToString());
                })],
                ExemptionOf(nameof(Indicator), i.Id) ?? ExemptionOf(nameof(Contract), id));
        }).ToList();

        AssessmentData? assessment = null;
        var latestYear = returns.Count == 0 ? (int?)null : returns.Max(r => r.Period).Year;
        var assessYear = year ?? (latestYear is { } latest && returns.Any(r => r.Period.Year == latest - 1) ? latest - 1 : latestYear);
        if (withAssessment && assessYear is { } y && await performance.AssessAsync(evidence, y, ct) is { PeriodsAssessed: > 0 } view)
        {
            assessment = new AssessmentData(view.Year, view.Rating, view.AverageScore, view.PeriodsAssessed, view.PeriodsInYear, view.RedPeriods, view.NotReportedReturns,
                view.Basis, view.Policy,
                [.. view.Periods.Select(p => new AssessedPeriod(p.Period, p.Score, Enum.Parse<Rag>(p.Rag), p.KpisReported, p.NotReported, p.Disputed))],
                [.. view.Kpis.Where(k => kpis.Any(d => d.Code == k.Code && d.Exempt is null) || !kpis.Any(d => d.Code == k.Code))
                    .Select(k => new AssessedKpi(k.Code, k.Name, k.Rating, k.AverageScore, k.PeriodsAssessed, k.RedPeriods, k.NotReported))]);
        }

        return new ContractData(contract.Reference, contract.Title, contract.Supplier?.Name ?? "", contract.AnnualValue, contract.StartOn, contract.EndOn,
            contract.Status.ToString(), kpis, assessment);
    }

    /// <param name="cutoff">As at this instant (a paper's meeting): null when the case was not open then.</param>
    private async Task<EscalationData?> EscalationAsync(Escalation escalation, ContractData contract, CancellationToken ct, DateTime? cutoff = null)
    {
        var at = cutoff ?? DateTime.MaxValue;
        var instanceIds = await db.WorkflowInstances.Where(w => w.SubjectType == nameof(Escalation) && w.SubjectId == escalation.Id).Select(w => w.Id).ToListAsync(ct);
        var steps = await db.WorkflowTransitions.AsNoTracking().Where(t => instanceIds.Contains(t.WorkflowInstanceId)).OrderBy(t => t.At).ThenBy(t => t.Sequence).ToListAsync(ct);
        var (level, status) = (escalation.Level, escalation.Status);
        if (cutoff is { } asAt)
        {
            if (escalation.StateAt(asAt, steps.Where(t => t.From != t.To).Select(t => (t.At, t.From, t.To))) is not { } then)
                return null;
            (level, status) = then;
        }
        var day = cutoff is { } c ? LondonTime.DateOf(c) : DateOnly.MaxValue;
        var plan = await db.RemediationPlans.AsNoTracking().Where(p => p.EscalationId == escalation.Id && p.AgreedOn <= day).OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        RemediationData? remediation = null;
        if (plan is not null)
        {
            var actions = await db.RemediationActions.AsNoTracking().Where(a => a.RemediationPlanId == plan.Id).OrderBy(a => a.DueOn).ToListAsync(ct);
            remediation = new RemediationData(plan.Title, plan.Objective, plan.AgreedOn, plan.AgreedWith,
                [.. actions.Select(a => (a.Description, a.Owner, a.DueOn, (cutoff is null ? a.Status : a.StatusOn(day)).ToString()))]);
        }
        // The holder and deadline are the current rung's: shown only if the case has not moved since.
        var movedSince = steps.Any(t => t.At > at && t.From != t.To);
        return new EscalationData(
            contract.Reference, contract.Supplier, escalation.Cause, level.ToString(), status.ToString(), escalation.OpenedAt,
            movedSince ? null : escalation.Owner, escalation.Summary, movedSince ? null : escalation.RespondBy,
            [.. steps.Where(t => t.At <= at && (t.From != t.To || t.Comment is not null)).Select(t => new ResponseRow(t.At, t.Actor, t.From, t.To, t.Comment))],
            remediation);
    }
}
