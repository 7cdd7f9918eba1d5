using Governance.Domain.Common;

namespace Governance.Domain.Tendering.Bids;

public sealed record RankedBidder(int BidderId, decimal QualityScore, decimal PriceScore, decimal Total, int Rank, decimal? Price);

/// <summary>Weighted totals out of 100 from moderated quality scores and the recorded price-scoring method.</summary>
public static class Ranking
{
    public static IReadOnlyList<RankedBidder> Rank(
        IReadOnlyCollection<EvaluationCriterion> criteria, IReadOnlyCollection<ModeratedScore> moderated, IReadOnlyDictionary<int, decimal> prices,
        IEnumerable<int> bidders, PriceScoringMethod method)
    {
        var quality = criteria.Where(c => c.Kind == CriterionKind.Quality).ToList();
        var priceWeight = criteria.Where(c => c.Kind == CriterionKind.Price).Sum(c => c.Weight);
        var lowest = prices.Values.Where(p => p > 0).DefaultIfEmpty(0).Min();
        var totals = bidders.Select(b =>
        {
            var q = quality.Sum(c => (moderated.FirstOrDefault(m => m.BidderId == b && m.CriterionId == c.Id)?.Value ?? 0) / EvaluationCriterion.MaxScore * c.Weight);
            decimal? price = prices.TryGetValue(b, out var p) ? p : null;
            var priceScore = price is > 0 && lowest > 0 ? PriceScore(method, price.Value, lowest, priceWeight) : 0;
            return (Bidder: b, Quality: Math.Round(q, 2), Price: Math.Round(priceScore, 2), Amount: price);
        }).OrderByDescending(t => t.Quality + t.Price).ThenBy(t => t.Bidder).ToList();
        return [.. totals.Select((t, i) => new RankedBidder(t.Bidder, t.Quality, t.Price, t.Quality + t.Price, i + 1, t.Amount))];
    }

    /// <summary>Rule <c>best-price-quality-ratio</c>: the preferred bidder is the one ranked first, and no other.</summary>
    public static RankedBidder CheckBest(IReadOnlyList<RankedBidder> ranking, int? bidderId)
    {
        var best = ranking[0];
        if (bidderId != best.BidderId)
            throw new BusinessRuleException("best-price-quality-ratio", $"The award goes to the best price-quality ratio only: bidder {best.BidderId} ranks first with {best.Total:F2}.");
        return best;
    }

    private static decimal PriceScore(PriceScoringMethod method, decimal price, decimal lowest, decimal weight) => method switch
    {
        PriceScoringMethod.DifferenceFromLowest => Math.Max(0, weight * (1 - ((price - lowest) / lowest))),
        _ => lowest / price * weight,
    };
}
