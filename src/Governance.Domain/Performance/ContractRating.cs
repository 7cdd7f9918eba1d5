namespace Governance.Domain.Performance;

/// <summary>One KPI's result in a period: how it counts in the contract's rating, and why.</summary>
public sealed record KpiResult(int IndicatorId, DateOnly Period, decimal Weight, Rag Rag, ReturnState State, decimal? Value);

/// <summary>
/// A contract's rating for one period: the weighted points of its KPIs (green 1, amber 0.5, red 0) out of 1;
/// green from 0.9, amber from 0.5, red below. Missing and disputed returns are counted and flagged.
/// </summary>
public sealed record PeriodRating(DateOnly Period, decimal Score, Rag Rag, int KpisReported, int NotReported = 0, int Disputed = 0, int Unverified = 0);

/// <summary>
/// Procurement Regulations 2024 reg 39(5) ratings for the contract performance notice (UK9) under Procurement
/// Act 2023 s.71.
/// </summary>
public enum PerformanceRating
{
    Good,
    ApproachingTarget,
    RequiresImprovement,
    Inadequate,
    Other,
}

public sealed record AnnualAssessment(
    PerformanceRating Rating, decimal AverageScore, int PeriodsAssessed, int PeriodsInYear, int RedPeriods, int NotReportedReturns,
    IReadOnlyList<PeriodRating> Periods, string Basis);

/// <summary>One KPI's own rating over a year (UK9 rates each KPI as well as the contract).</summary>
public sealed record KpiAssessment(int IndicatorId, PerformanceRating Rating, decimal AverageScore, int PeriodsAssessed, int RedPeriods, int NotReported, string Basis);

public static class ContractRating
{
    public const decimal GreenFrom = 0.9m;
    public const decimal AmberFrom = 0.5m;

    /// <summary>The weighted rating of one period; null when no KPI counts.</summary>
    public static PeriodRating? RatePeriod(DateOnly period, IReadOnlyCollection<KpiResult> results)
    {
        var weight = results.Sum(r => r.Weight);
        if (results.Count == 0 || weight <= 0)
            return null;
        var score = Math.Round(results.Sum(r => r.Weight * RagRating.Points(r.Rag)) / weight, 4);
        var rag = score >= GreenFrom ? Rag.Green : score >= AmberFrom ? Rag.Amber : Rag.Red;
        return new PeriodRating(period, score, rag, results.Count(r => r.State != ReturnState.NotReported),
            results.Count(r => r.State == ReturnState.NotReported), results.Count(r => r.State == ReturnState.Disputed), results.Count(r => r.State == ReturnState.Unverified));
    }

    /// <summary>Every period's rating, in order.</summary>
    public static IReadOnlyList<PeriodRating> RatePeriods(IEnumerable<KpiResult> results) =>
        [.. results.GroupBy(r => r.Period).OrderBy(g => g.Key).Select(g => RatePeriod(g.Key, [.. g])).OfType<PeriodRating>()];

    /// <summary>
    /// The annual rating from the rated periods of one year, by the council's policy. With fewer rated periods than the
    /// policy's share of <paramref name="periodsInYear"/> the evidence is too thin to rate: Other, and the basis says why.
    /// The average is always the true average of the periods shown.
    /// </summary>
    public static AnnualAssessment AssessYear(IReadOnlyList<PeriodRating> periods, int periodsInYear, PerformancePolicy policy)
    {
        var reds = periods.Count(p => p.Rag == Rag.Red);
        var notReported = periods.Sum(p => p.NotReported);
        var average = periods.Count == 0 ? 0 : Math.Round(periods.Average(p => p.Score), 4);
        var (rating, basis) = Rate(average, periods.Count, periodsInYear, reds, policy);
        var missing = notReported == 0 ? "" : $" {notReported} KPI returns were not made by their due date{(policy.NotReportedCountsAsRed ? " and count as red" : "")}.";
        return new AnnualAssessment(rating, average, periods.Count, periodsInYear, reds, notReported, periods, basis + missing);
    }

    /// <summary>One KPI's rating over the year from its own period results, by the same policy.</summary>
    public static KpiAssessment AssessKpi(int indicatorId, IReadOnlyList<KpiResult> results, int periodsInYear, PerformancePolicy policy)
    {
        var reds = results.Count(r => r.Rag == Rag.Red);
        var average = results.Count == 0 ? 0 : Math.Round(results.Average(r => RagRating.Points(r.Rag)), 4);
        var (rating, basis) = Rate(average, results.Count, periodsInYear, reds, policy);
        return new KpiAssessment(indicatorId, rating, average, results.Count, reds, results.Count(r => r.State == ReturnState.NotReported), basis);
    }

    private static (PerformanceRating Rating, string Basis) Rate(decimal average, int rated, int periodsInYear, int reds, PerformancePolicy policy)
    {
        var needed = (int)Math.Ceiling(Math.Max(1, periodsInYear) * policy.MinimumRatedShare);
        if (rated < needed)
        {
            return (PerformanceRating.Other,
                $"Other: only {rated} of the year's {periodsInYear} periods could be rated, and {PerformancePolicy.Label} needs at least {needed} to rate a year. "
                + $"Average score of the rated periods {average:0.00}.");
        }

        var rating = policy.RatingOf(average, reds);
        return (rating, $"Average weighted score {average:0.00} over {rated} periods, {reds} red; {FormatRating(rating)} under {PerformancePolicy.Label}.");
    }

    private static string FormatRating(PerformanceRating rating) => rating switch
    {
        PerformanceRating.ApproachingTarget => "Approaching target",
        PerformanceRating.RequiresImprovement => "Requires improvement",
        _ => rating.ToString(),
    };
}
