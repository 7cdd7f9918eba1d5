using System.Globalization;
using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Tendering;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work.Procurements;

/// <summary>
/// The evaluation matrix of one stage for the procurement's team: each evaluator's latest score per criterion and
/// bidder (void ones marked with why), the moderated score with its rationale, and the ranking ProcurementEvaluation
/// computes for the API; downloadable as CSV with the same rows. Scores are read through the team's confidentiality
/// (nobody else, and nothing before the bids are opened); anyone not on the team gets 404, as for the API's sets.
/// </summary>
public sealed class EvaluationModel(GovernanceDbContext db, ProcurementTeam team, ProcurementEvaluation evaluation) : GatedPageModel
{
    public sealed record Cell(IReadOnlyList<Score> Scores, ModeratedScore? Moderated);

    public Procurement Procurement { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public ProcurementStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public IReadOnlyList<ProcurementStage> Stages { get; private set; } = [];

    public IReadOnlyList<EvaluationCriterion> Criteria { get; private set; } = [];

    public IReadOnlyList<Bidder> Bidders { get; private set; } = [];

    public Dictionary<(int Criterion, int Bidder), Cell> Matrix { get; } = [];

    public ProcurementEvaluation.Result? Result { get; private set; }

    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanRead("Scores", user.IsInRole);

    public string BidderName(int bidderId) => Bidders.FirstOrDefault(b => b.Id == bidderId)?.Supplier?.Name ?? $"Bidder {bidderId}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        if (await db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } procurement || !await team.IsMemberAsync(id, User, ct))
            return NotFound();
        Procurement = procurement;
        var criteria = await db.EvaluationCriteria.AsNoTracking().Where(c => c.ProcurementId == id).OrderBy(c => c.Id).ToListAsync(ct);
        Stages = [.. criteria.Select(c => c.Stage).Distinct().Order()];
        var stage = Stage is { } chosen && Stages.Contains(chosen) ? chosen : Stages.Where(s => s <= procurement.Stage).DefaultIfEmpty(Stages.Count > 0 ? Stages[0] : procurement.Stage).Max();
        Stage = stage;
        Criteria = [.. criteria.Where(c => c.Stage == stage)];
        Bidders = await db.Bidders.AsNoTracking().Include(b => b.Supplier).Where(b => b.ProcurementId == id).OrderBy(b => b.Id).ToListAsync(ct);
        var criterionIds = Criteria.Select(c => c.Id).ToList();
        var scores = await team.Confidential(db.Scores.AsNoTracking(), User).Where(s => criterionIds.Contains(s.CriterionId)).ToListAsync(ct);
        var moderated = ModeratedScore.Latest(await team.Confidential(db.ModeratedScores.AsNoTracking(), User).Where(m => criterionIds.Contains(m.CriterionId)).ToListAsync(ct));
        foreach (var criterion in Criteria)
        {
            foreach (var bidder in Bidders)
            {
                var live = Score.Live(scores.Where(s => s.CriterionId == criterion.Id && s.BidderId == bidder.Id)).OrderBy(s => s.Evaluator).ToList();
                var agreed = moderated.FirstOrDefault(m => m.CriterionId == criterion.Id && m.BidderId == bidder.Id);
                if (live.Count > 0 || agreed is not null)
                    Matrix[(criterion.Id, bidder.Id)] = new Cell(live, agreed);
            }
        }
        if (Criteria.Count > 0)
            Result = await evaluation.EvaluateAsync(procurement, stage, ct);
        return Format == CsvFile.Format ? Csv() : Page();
    }

    private FileContentResult Csv()
    {
        static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var criterion in Criteria)
        {
            foreach (var bidder in Bidders)
            {
                if (!Matrix.TryGetValue((criterion.Id, bidder.Id), out var cell))
                    continue;
                rows.AddRange(cell.Scores.Select(s => (IReadOnlyList<string>)
                    [$"{Stage}", criterion.Name, Number(criterion.Weight), BidderName(bidder.Id), s.Evaluator, Number(s.Value), $"{s.Version}", s.VoidReason is null ? "" : "Void: " + s.VoidReason, s.Justification]));
                if (cell.Moderated is { } agreed)
                    rows.Add([$"{Stage}", criterion.Name, Number(criterion.Weight), BidderName(bidder.Id), "Moderated by " + agreed.ModeratedBy, Number(agreed.Value), $"{agreed.Version}", "", agreed.Rationale]);
            }
        }
        return CsvFile.Of($"{Procurement.Reference}-{Stage}-evaluation.csv",
            ["Stage", "Criterion", "Weight", "Bidder", "Scored by", "Score", "Version", "Void", "Justification or rationale"], rows);
    }
}
