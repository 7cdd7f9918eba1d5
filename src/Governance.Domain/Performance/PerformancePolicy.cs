using Governance.Domain.Common;

namespace Governance.Domain.Performance;

/// <summary>
/// The council's own policy for turning scores into the five UK9 ratings (Procurement Regulations 2024 reg 39(5)
/// describes them only in words) and for counting returns that were not made. Defaults come from configuration; a
/// contract may set its own. Every view that shows a rating says it is council policy.
/// </summary>
public sealed record PerformancePolicy(
    decimal GoodFrom = 0.9m,
    decimal ApproachingTargetFrom = 0.75m,
    decimal RequiresImprovementFrom = 0.5m,
    decimal MinimumRatedShare = 0.5m,
    bool NotReportedCountsAsRed = true)
{
    public const string Label = "council policy";

    public static readonly PerformancePolicy Default = new();

    /// <summary>Thresholds descend from Good to Requires improvement, all between 0 and 1.</summary>
    public void Check()
    {
        if (!(GoodFrom <= 1 && GoodFrom > ApproachingTargetFrom && ApproachingTargetFrom > RequiresImprovementFrom && RequiresImprovementFrom > 0))
        {
            throw new BusinessRuleException("rating-policy-order",
                "The rating policy's thresholds descend: 1 >= GoodFrom > ApproachingTargetFrom > RequiresImprovementFrom > 0.", isInvalidInput: true);
        }

        if (MinimumRatedShare is <= 0 or > 1)
            throw new BusinessRuleException("rating-policy-share", "MinimumRatedShare is a share of the year's periods: more than 0 and at most 1.", isInvalidInput: true);
    }

    public PerformanceRating RatingOf(decimal averageScore, int redPeriods) =>
        averageScore >= GoodFrom && redPeriods == 0 ? PerformanceRating.Good
        : averageScore >= ApproachingTargetFrom ? PerformanceRating.ApproachingTarget
        : averageScore >= RequiresImprovementFrom ? PerformanceRating.RequiresImprovement
        : PerformanceRating.Inadequate;

    /// <summary>The policy in words, as papers and the API print it.</summary>
    public string Describe() =>
        $"Ratings follow {Label}: Good from an average score of {GoodFrom:0.00} with no red period; Approaching target from {ApproachingTargetFrom:0.00}; "
        + $"Requires improvement from {RequiresImprovementFrom:0.00}; Inadequate below. A year with fewer than {MinimumRatedShare:P0} of its periods rated is Other. "
        + (NotReportedCountsAsRed ? "A return not received by its due date counts as red." : "A return not received by its due date is left out of the score and flagged.");
}
