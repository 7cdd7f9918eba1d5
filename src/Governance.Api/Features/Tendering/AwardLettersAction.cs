using System.Globalization;
using System.Text;
using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

/// <summary>
/// award-letters — on entering standstill, writes a reg 86 award decision letter for every bidder still in the
/// competition: the criteria, the reasons, the bidder's and the winner's scores, the winner's relative advantages
/// and name, and the exact end of standstill by the procedure's clock.
/// </summary>
internal sealed class AwardLettersAction(GovernanceDbContext db, ProcurementEvaluation evaluation, BidderLetters bidderLetters) : IWorkflowAction
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public string Name => "award-letters";

    public IReadOnlyList<string> RequiredParameters { get; } = [];

    public async Task RunAsync(ActionContext context, CancellationToken ct)
    {
        // Tracked: entering Standstill has just set its end in this unit of work; the letters quote that very instant.
        var procurement = await db.Procurements.FindAsync([context.Subject.Id], ct) ?? throw new InvalidOperationException($"Procurement {context.Subject.Id} does not exist.");
        var letters = await db.AwardLetters.Where(l => l.ProcurementId == procurement.Id).ToListAsync(ct);
        var written = letters.Where(l => l.SupersededAt == null).ToList();
        if (written.Count > 0)
        {
            await DateStandstillAsync(procurement, written, ct);
            return;
        }

        var round = letters.Select(l => l.Round).DefaultIfEmpty(0).Max() + 1;

        var result = await evaluation.EvaluateAsync(procurement, ProcurementStage.FinalTenders, ct);
        var bidders = await db.Bidders.Include(b => b.Supplier).Where(b => b.ProcurementId == procurement.Id && Bidder.Active.Contains(b.Status)).ToListAsync(ct);
        var winner = bidders.Single(b => b.Status == BidderStatus.PreferredBidder);
        var winnerRank = result.Ranking.Single(r => r.BidderId == winner.Id);

        foreach (var bidder in bidders)
        {
            var rank = result.Ranking.Single(r => r.BidderId == bidder.Id);
            var successful = bidder.Id == winner.Id;
            db.AwardLetters.Add(new AwardLetter
            {
                ProcurementId = procurement.Id, BidderId = bidder.Id, Successful = successful, WinnerName = winner.Supplier!.Name,
                BidderScore = rank.Total, WinnerScore = winnerRank.Total, StandstillEndsAt = procurement.StandstillEndsAt, GeneratedAt = context.NowUtc, Round = round,
                Content = Letter(procurement, bidder, winner, rank, winnerRank, result, procurement.StandstillEndsAt),
            });
            await bidderLetters.AwardLetterAsync(procurement, bidder, successful, round, ct);
            bidder.DecideAward(successful, ProcurementStage.AwardDecision);
        }

        var ids = bidders.Select(b => b.Id).ToList();
        foreach (var former in await db.Bidders.AsNoTracking().Where(b => b.ProcurementId == procurement.Id && !ids.Contains(b.Id)).ToListAsync(ct))
            await bidderLetters.AwardDecidedAsync(procurement, former, winner.Supplier!.Name, round, ct);
    }

    /// <summary>
    /// PA 2023: the assessment summaries went out before the contract award notice (s.50); publishing it began the
    /// standstill, so each letter takes its end and each supplier is told when it ends.
    /// </summary>
    private async Task DateStandstillAsync(Procurement procurement, IReadOnlyList<AwardLetter> letters, CancellationToken ct)
    {
        if (procurement.StandstillEndsAt is not { } ends)
            return;
        var undated = letters.Where(l => l.StandstillEndsAt is null).ToList();
        var ids = undated.Select(l => l.BidderId).ToList();
        var bidders = await db.Bidders.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        foreach (var letter in undated)
        {
            letter.StandstillEndsAt = ends;
            await bidderLetters.StandstillAsync(procurement, bidders[letter.BidderId], ends, ct);
        }
    }

    private static string Letter(
        Procurement procurement, Bidder bidder, Bidder winner, RankedBidder rank, RankedBidder winnerRank, ProcurementEvaluation.Result result, DateTime? standstillEnds)
    {
        var text = new StringBuilder();
        var pa2023 = procurement.Procedure == ProcurementProcedure.CompetitiveFlexible;
        text.AppendLine(English, $"{(pa2023 ? "Assessment summary (Procurement Act 2023 s.50)" : "Award decision notice (PCR 2015 reg 86)")}: {procurement.Reference} {procurement.Title}");
        text.AppendLine(English, $"To: {bidder.Supplier!.Name}");
        text.AppendLine();
        text.AppendLine(bidder.Id == winner.Id
            ? "The council intends to award the contract to you."
            : string.Create(English, $"The council intends to award the contract to {winner.Supplier!.Name}. Your tender was not successful."));
        text.AppendLine();
        text.AppendLine("Award criteria (best price-quality ratio) and weightings:");
        foreach (var criterion in result.Criteria)
            text.AppendLine(English, $"- {criterion.Name} ({criterion.Kind}): {criterion.Weight:0.##}%");
        text.AppendLine();
        text.AppendLine(English, $"Your score: {rank.Total:0.00} out of 100 (quality {rank.QualityScore:0.00}, price {rank.PriceScore:0.00}).");
        text.AppendLine(English, $"The successful tenderer's score: {winnerRank.Total:0.00} out of 100 (quality {winnerRank.QualityScore:0.00}, price {winnerRank.PriceScore:0.00}).");
        text.AppendLine();
        text.AppendLine("Reasons, criterion by criterion:");
        foreach (var criterion in result.Criteria.Where(c => c.Kind == CriterionKind.Quality))
        {
            var own = result.Moderated.FirstOrDefault(m => m.BidderId == bidder.Id && m.CriterionId == criterion.Id);
            var theirs = result.Moderated.FirstOrDefault(m => m.BidderId == winner.Id && m.CriterionId == criterion.Id);
            text.AppendLine(English, $"- {criterion.Name}: your tender scored {own?.Value:0.#}/10. {own?.Rationale}");
            if (bidder.Id != winner.Id && theirs is not null && own is not null && theirs.Value > own.Value)
                text.AppendLine(English, $"  Relative advantage of the successful tender ({theirs.Value:0.#}/10): {theirs.Rationale}");
        }

        text.AppendLine();
        if (standstillEnds is { } ends)
        {
            var lastDay = LondonTime.DateOf(ends.AddTicks(-1)).ToString("dddd d MMMM yyyy", English);
            text.AppendLine(English, $"Standstill period (reg 87): the council will not enter into the contract before midnight at the end of {lastDay} (UK time).");
        }
        else
        {
            text.AppendLine("Standstill period (s.51): eight working days beginning with the day the contract award notice is published, counting only days that are");
            text.AppendLine("working days in every part of the United Kingdom (s.123). You will be told the day it ends when the notice is published.");
        }
        return text.ToString();
    }
}
