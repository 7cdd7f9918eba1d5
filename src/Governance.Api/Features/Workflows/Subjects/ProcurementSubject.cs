using System.Security.Claims;
using Governance.Api.Data;
using Governance.Api.Features.Tendering;
using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Governance.Domain.Tendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Subjects;

/// <summary>
/// A procurement's Stage is the name of its workflow state. Entering a stage records its actual date in the
/// timetable and calls the domain for the events the stage stands for: the notice sent (its date stamped),
/// standstill begun, suspended by a challenge or resumed, the contract entered (and made active).
/// </summary>
internal sealed class ProcurementSubject(GovernanceDbContext db, StatutoryClocks clocks, TimeProvider time, ProcurementTeam team, BidderLetters bidders) : IWorkflowSubjectType
{
    /// <summary>Only the procurement's team moves it on, and a closed procurement not at all: the check every write to it makes.</summary>
    public Task<ObjectResult?> RefuseActorAsync(int id, ClaimsPrincipal user, CancellationToken ct) => team.RefuseChangeAsync(id, user, ct);

    /// <summary>The procurement's team does the work; its independent gates are signed by someone outside it.</summary>
    public Task<bool> IsInvolvedAsync(int id, ClaimsPrincipal user, CancellationToken ct) => team.IsMemberAsync(id, user, ct);

    public string SubjectType => nameof(Procurement);

    public IReadOnlySet<string> Properties { get; } = new HashSet<string> { nameof(Procurement.StandstillEndsAt) };

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Procurements.AnyAsync(p => p.Id == id, ct);

    public Task LoadAsync(IReadOnlyCollection<int> ids, CancellationToken ct) => db.Procurements.Where(p => ids.Contains(p.Id)).LoadAsync(ct);

    /// <summary>
    /// StandstillEndsAt as the Standstill timer needs it when the state is entered now: the time left of a suspended
    /// standstill, or a new standstill by the procedure's clock (reg 87, or s.51 from the award notice).
    /// </summary>
    public async Task<DateTime?> GetAsync(int subjectId, string propertyName, CancellationToken ct)
    {
        if (propertyName != nameof(Procurement.StandstillEndsAt) || await db.Procurements.FindAsync([subjectId], ct) is not { } procurement)
            return null;
        var now = time.GetUtcNow().UtcDateTime;
        return procurement.StandstillSuspendedAt is not null ? procurement.StandstillEndIfResumedAt(now) : NewStandstillEnds(procurement, now);
    }

    public async Task OnEnteredAsync(int id, string state, string? comment, DateTime? nextTimerDue, DateTime nowUtc, CancellationToken ct)
    {
        if (!Enum.TryParse<ProcurementStage>(state, out var stage))
            return;
        var procurement = await db.Procurements.FindAsync([id], ct) ?? throw new InvalidOperationException($"Procurement {id} does not exist.");
        switch (stage)
        {
            case ProcurementStage.SelectionQuestionnaire:
                procurement.SendContractNotice(nowUtc, clocks.Days);
                break;
            case ProcurementStage.Standstill when procurement.StandstillSuspendedAt is not null:
                procurement.ResumeStandstill(nowUtc);
                break;
            case ProcurementStage.Standstill:
                procurement.BeginStandstill(nextTimerDue ?? NewStandstillEnds(procurement, nowUtc));
                break;
            case ProcurementStage.Suspended:
                procurement.SuspendStandstill(nowUtc);
                break;
            case ProcurementStage.FinalTenders when procurement.StandstillSuspendedAt is not null:
                await RemakeAwardAsync(procurement, nowUtc, ct);
                break;
            case ProcurementStage.ContractSigned:
                await EnterContractAsync(procurement, ct);
                break;
        }

        procurement.Stage = stage;
        var today = LondonTime.DateOf(nowUtc);
        var dates = await db.ProcurementStageDates.SingleOrDefaultAsync(d => d.ProcurementId == id && d.Stage == stage, ct);
        if (dates is null)
            db.ProcurementStageDates.Add(new ProcurementStageDate { ProcurementId = id, Stage = stage, ActualOn = today });
        else
            dates.ActualOn ??= today;
        if (TenderingRules.SubmissionStages.Contains(stage))
            await bidders.StageOpenedAsync(procurement, stage, dates?.SubmissionDeadline, ct);
    }

    private DateTime NewStandstillEnds(Procurement procurement, DateTime nowUtc) => procurement.Procedure == ProcurementProcedure.CompetitiveFlexible
        ? clocks.Pa2023StandstillEnds(nowUtc)
        : clocks.Reg87StandstillEnds(nowUtc);

    /// <summary>
    /// A challenge upheld sends the award back to evaluation: the suspended standstill is abandoned, the bidders the
    /// decision sorted compete again, and the letters stay on the record marked superseded; the new decision writes
    /// the next round and starts a new standstill.
    /// </summary>
    private async Task RemakeAwardAsync(Procurement procurement, DateTime nowUtc, CancellationToken ct)
    {
        procurement.AbandonStandstill();
        foreach (var bidder in await db.Bidders.Where(b => b.ProcurementId == procurement.Id).ToListAsync(ct))
            bidder.ReopenAward();
        foreach (var letter in await db.AwardLetters.Where(l => l.ProcurementId == procurement.Id && l.SupersededAt == null).ToListAsync(ct))
            letter.Supersede(nowUtc);
    }

    /// <summary>Rule <c>contract-not-created</c>: signing enters the contract created from the award, which becomes active (s.52 checked).</summary>
    private async Task EnterContractAsync(Procurement procurement, CancellationToken ct)
    {
        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.ProcurementId == procurement.Id, ct)
            ?? throw new BusinessRuleException("contract-not-created", "Create the contract from the award (CreateContract) before signing it.");
        if (contract.Status == ContractStatus.Draft)
        {
            var (count, weights) = await Contracts.ContractFacts.KpisAsync(db, contract.Id, ct);
            contract.Activate(count, await Contracts.ContractFacts.OptionsValueAsync(db, contract.Id, ct), weights);
        }
    }
}
