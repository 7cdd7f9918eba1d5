using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Workflows;
using Governance.Api.OData;
using Governance.Domain.Calendar;
using Governance.Domain.Tendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

/// <summary>
/// The public summary of a procurement, its timetable, and the team's actions that move bidders: shortlisting,
/// choosing the preferred bidder on the ranking, and creating the contract from the award.
/// </summary>
public sealed partial class ProcurementsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Procurement>(db, time)
{
    private WorkflowCommands Workflows => Service<WorkflowCommands>();

    private ProcurementTeam Team => Service<ProcurementTeam>();

    private ProcurementEvaluation Evaluation => Service<ProcurementEvaluation>();

    /// <summary>
    /// A bidder reads the procurements it takes part in; any supplier reads one whose notice has been sent (it is
    /// advertised, so it can ask to take part). Bids, scores and other bidders stay in their own sets.
    /// </summary>
    protected override System.Linq.Expressions.Expression<Func<Procurement, bool>> SupplierRows(int supplierId) =>
        p => p.ContractNoticeSentOn != null || Db.Bidders.Any(b => b.ProcurementId == p.Id && b.SupplierId == supplierId);

    /// <summary>A new procurement starts on its procedure's workflow, with its creator leading the team, in one transaction.</summary>
    protected override async Task AfterCreateAsync(Procurement entity, CancellationToken ct)
    {
        Db.ProcurementTeamMembers.Add(new ProcurementTeamMember { ProcurementId = entity.Id, UserName = User.Identity?.Name ?? "", Role = TeamRole.Lead });
        if (ProcurementWorkflows.For(entity.Procedure) is { } workflow)
            await Workflows.StartAsync(workflow, nameof(Procurement), entity.Id, User.Identity?.Name ?? "", ct);
        await Db.SaveChangesAsync(ct);
    }

    /// <summary>The day it starts decides the law (PCR 2015 or the Procurement Act 2023); the reg 30 plan must be one a notice sent today could meet.</summary>
    protected override Task<IActionResult?> BeforeCreateAsync(Procurement entity, CancellationToken ct)
    {
        var today = LondonTime.DateOf(Time.GetUtcNow().UtcDateTime);
        entity.StartedOn = today;
        Procurement.CheckProcedureApplies(entity.Procedure, today);
        entity.CheckParticipationDeadline(today);
        return Task.FromResult<IActionResult?>(null);
    }

    protected override async Task<IActionResult?> MayChangeAsync(Procurement entity, CancellationToken ct) => await Team.RefuseChangeAsync(entity.Id, User, ct);

    /// <summary>GET /odata/Procurements(1)/Governance.Timetable(): planned against actual for every stage, with slippage in days.</summary>
    [HttpGet]
    public async Task<IActionResult> Timetable([FromODataUri] int key, CancellationToken ct)
    {
        if (!await ReadableRows().AnyAsync(p => p.Id == key, ct))
            return NotFound(key);
        var today = LondonTime.DateOf(Time.GetUtcNow().UtcDateTime);
        var stages = await Db.ProcurementStageDates.AsNoTracking().Where(d => d.ProcurementId == key).ToListAsync(ct);
        return Ok(stages.OrderBy(d => d.Stage).Select(d => new StageTimetableView { Stage = d.Stage.ToString(), PlannedOn = d.PlannedOn, ActualOn = d.ActualOn, SlippageDays = d.SlippageDays(today) }).ToList());
    }

    /// <summary>GET /odata/Procurements/Governance.RunningLate(): procurements with a stage planned to start by now and not reached.</summary>
    [HttpGet]
    public async Task<IActionResult> RunningLate(CancellationToken ct)
    {
        var today = LondonTime.DateOf(Time.GetUtcNow().UtcDateTime);
        var overdue = await Db.ProcurementStageDates.AsNoTracking()
            .Where(d => d.ActualOn == null && d.PlannedOn != null && d.PlannedOn < today)
            .Join(ReadableRows().Where(p => p.Stage != ProcurementStage.Cancelled && p.Stage != ProcurementStage.ContractSigned), d => d.ProcurementId, p => p.Id, (d, p) => new { p.Id, p.Reference, p.Title, p.Stage, Overdue = d.Stage, Planned = d.PlannedOn!.Value })
            .ToListAsync(ct);
        return Ok(overdue.GroupBy(o => o.Id).Select(g => g.OrderBy(o => o.Planned).First()).Select(o => new LateProcurementView
        {
            ProcurementId = o.Id, Reference = o.Reference, Title = o.Title, Stage = o.Stage.ToString(), OverdueStage = o.Overdue.ToString(),
            PlannedOn = o.Planned, DaysLate = today.DayNumber - o.Planned.DayNumber,
        }).OrderByDescending(v => v.DaysLate).ToList());
    }

    /// <summary>GET /odata/Procurements(1)/Governance.Ranking(stage='FinalTenders'): the team's ranking; confidential.</summary>
    [HttpGet]
    public async Task<IActionResult> Ranking([FromODataUri] int key, [FromODataUri] string stage, CancellationToken ct)
    {
        if (!Enum.TryParse<ProcurementStage>(stage, out var at) || !TenderingRules.SubmissionStages.Contains(at))
            return ODataErrors.BadRequest("stage", "Stage is OutlineSolutions, DetailedSolutions or FinalTenders.");
        var (procurement, refused) = await TeamProcurementAsync(key, TeamRole.Evaluator, ct, readOnly: true);
        if (refused is not null)
            return refused;
        var result = await Evaluation.EvaluateAsync(procurement!, at, ct);
        result.Evaluation.CheckComplete("A ranking");
        var names = result.Bidders.ToDictionary(b => b.Id, b => b.Supplier?.Name ?? "");
        return Ok(result.Ranking.Select(r => new RankingView
        {
            BidderId = r.BidderId, Supplier = names[r.BidderId], QualityScore = r.QualityScore, PriceScore = r.PriceScore, Total = r.Total, Rank = r.Rank, Price = r.Price,
        }).ToList());
    }

    /// <summary>POST /odata/Procurements(1)/Governance.Shortlist { "BidderIds": [..], "Reason": "..." } — at least three, or a recorded reason (reg 65).</summary>
    [HttpPost]
    public async Task<IActionResult> Shortlist([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        var (procurement, refused) = await TeamProcurementAsync(key, TeamRole.Lead, ct);
        if (refused is not null)
            return refused;
        var chosen = (parameters?.GetValueOrDefault("BidderIds") as IEnumerable<int>)?.ToHashSet() ?? [];
        var reason = parameters?.GetValueOrDefault("Reason") as string;
        var candidates = await Db.Bidders.Where(b => b.ProcurementId == key && b.Status == BidderStatus.RequestedToParticipate).ToListAsync(ct);
        var unknown = chosen.Except(candidates.Select(c => c.Id)).ToList();
        if (unknown.Count > 0)
            return ODataErrors.BadRequest("UnknownReference", $"Not candidates of this procurement: {string.Join(", ", unknown)}.");
        var tracked = await Db.Procurements.SingleAsync(p => p.Id == key, ct);
        tracked.Shortlist(candidates, chosen, reason, Time.GetUtcNow().UtcDateTime);
        await Service<BidderLetters>().ShortlistAsync(tracked, candidates, ct);
        await Db.SaveChangesAsync(ct);
        return Ok(tracked);
    }

    /// <summary>POST /odata/Procurements(1)/Governance.ChoosePreferredBidder { "BidderId": 3 } — the best price-quality ratio only.</summary>
    [HttpPost]
    public async Task<IActionResult> ChoosePreferredBidder([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        var (procurement, refused) = await TeamProcurementAsync(key, TeamRole.Lead, ct);
        if (refused is not null)
            return refused;
        if (procurement!.Stage != ProcurementStage.FinalTenders)
            return ODataErrors.Error(StatusCodes.Status409Conflict, "final-tenders-only", "The preferred bidder is chosen once final tenders are evaluated.");
        var result = await Evaluation.EvaluateAsync(procurement, ProcurementStage.FinalTenders, ct);
        result.Evaluation.CheckComplete("Choosing the preferred bidder");
        var best = Domain.Tendering.Bids.Ranking.CheckBest(result.Ranking, parameters?.GetValueOrDefault("BidderId") as int?);
        var bidder = await Db.Bidders.SingleAsync(b => b.Id == best.BidderId, ct);
        bidder.MakePreferred();
        await Db.SaveChangesAsync(ct);
        return Ok(bidder);
    }

    /// <summary>POST /odata/Procurements(1)/Governance.CreateContract { "StartOn", "EndOn", "ContractManager" } — once, after award.</summary>
    [HttpPost]
    public async Task<IActionResult> CreateContract([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        var procurement = await ReadableRows().SingleOrDefaultAsync(p => p.Id == key, ct);
        if (procurement is null)
            return NotFound(key);
        if (!User.IsInRole(Roles.ContractManager) && !await Team.IsMemberAsync(key, User, ct, TeamRole.Lead))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "contract-from-award", "A contract manager or the team's lead creates the contract.");
        if (procurement.Stage is not (ProcurementStage.Awarded or ProcurementStage.ContractSigned))
            return ODataErrors.Error(StatusCodes.Status409Conflict, "not-awarded", $"The contract is created after standstill ends; the procurement is at {procurement.Stage}.");
        if (await Db.Contracts.AnyAsync(c => c.ProcurementId == key, ct))
            return ODataErrors.Error(StatusCodes.Status409Conflict, "contract-exists", "A contract was already created from this award.");
        if (ActionParameters.DateOf(parameters?.GetValueOrDefault("StartOn")) is not { } start || ActionParameters.DateOf(parameters?.GetValueOrDefault("EndOn")) is not { } end || end <= start)
            return ODataErrors.BadRequest("contract-dates", "Give StartOn and a later EndOn.");
        var winner = await Db.Bidders.SingleOrDefaultAsync(b => b.ProcurementId == key && b.Status == BidderStatus.Successful, ct);
        if (winner is null)
            return ODataErrors.Error(StatusCodes.Status409Conflict, "no-successful-bidder", "No bidder has been awarded the contract.");
        // The evaluated final-tender price: nothing after the deadline may change it, so letters, evaluation and contract agree.
        var price = await Db.Submissions.Where(s => s.BidderId == winner.Id && s.Stage == ProcurementStage.FinalTenders)
            .OrderByDescending(s => s.Version).Select(s => (decimal?)s.Price).FirstOrDefaultAsync(ct);
        if (price is null)
            return ODataErrors.Error(StatusCodes.Status409Conflict, "no-final-tender", "The successful bidder has no evaluated final tender.");
        var kpis = await Db.ProposedKpis.AsNoTracking().Where(k => k.ProcurementId == key).ToListAsync(ct);
        var contract = ContractFromAward.Create(procurement, winner, price.Value, start, end, parameters!.GetValueOrDefault("ContractManager") as string, kpis);
        Db.Contracts.Add(contract);
        await Db.SaveChangesAsync(ct);
        return Ok(contract);
    }

    private async Task<(Procurement? Procurement, ObjectResult? Refused)> TeamProcurementAsync(int key, TeamRole role, CancellationToken ct, bool readOnly = false)
    {
        var procurement = await ReadableRows().SingleOrDefaultAsync(p => p.Id == key, ct);
        if (procurement is null)
            return (null, NotFound(key));
        return await Team.RefuseChangeAsync(key, User, ct, role, readOnly) is { } refused ? (null, refused) : (procurement, null);
    }

    private static ObjectResult NotFound(int key) => ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Procurement {key} does not exist.");
}
