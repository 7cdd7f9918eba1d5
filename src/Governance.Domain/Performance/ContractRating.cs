namespace Governance.Domain.Performance;

/// <summary>One KPI's result in a period, with its weight in the contract's rating.</summary>
public sealed record KpiResult(int IndicatorId, decimal Weight, Rag Rag);

/// <summary>
/// A contract's rating for one period: the weighted points of its KPIs (green 1, amber 0.5, red 0) out of 1;
/// green from 0.9, amber from 0.5, red below.
/// </summary>
public sealed record PeriodRating(DateOnly Period, decimal Score, Rag Rag, int KpisReported);

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

public sealed record AnnualAssessment(PerformanceRating Rating, decimal AverageScore, int PeriodsAssessed, int RedPeriods, IReadOnlyList<PeriodRating> Periods, string Basis);

public static class ContractRating
{
    public const decimal GreenFrom = 0.9m;
    public const decimal AmberFrom = 0.5m;

    /// <summary>The weighted rating of one period; null when no KPI reported.</summary>
    public static PeriodRating? RatePeriod(DateOnly period, IReadOnlyCollection<KpiResult> results)
    {
        var weight = results.Sum(r => r.Weight);
        if (results.Count == 0 || weight <= 0)
            return null;
        var score = Math.Round(results.Sum(r => r.Weight * RagRating.Points(r.Rag)) / weight, 4);
        var rag = score >= GreenFrom ? Rag.Green : score >= AmberFrom ? Rag.Amber : Rag.Red;
        return new PeriodRating(period, score, rag, results.Count);
    }

    /// <summary>
    /// The annual rating from the periods of a year: Good when the average is 0.9 or more with no red period;
    /// Approaching target from 0.75; Requires improvement from 0.5; Inadequate below. With fewer than 6 rated
    /// periods the evidence is too thin to rate: Other.
    /// </summary>
    public static AnnualAssessment AssessYear(IReadOnlyList<PeriodRating> periods)
    {
        var reds = periods.Count(p => p.Rag == Rag.Red);
        if (periods.Count < 6)
            return new AnnualAssessment(PerformanceRating.Other, 0, periods.Count, reds, periods, $"Only {periods.Count} periods with returns: too few to rate.");
        var average = Math.Round(periods.Average(p => p.Score), 4);
        var rating = average >= 0.9m && reds == 0 ? PerformanceRating.Good
            : average >= 0.75m ? PerformanceRating.ApproachingTarget
            : average >= 0.5m ? PerformanceRating.RequiresImprovement
            : PerformanceRating.Inadequate;
        return new AnnualAssessment(rating, average, periods.Count, reds, periods,
            $"Average weighted score {average:0.00} over {periods.Count} periods, {reds} red.");
    }
}
