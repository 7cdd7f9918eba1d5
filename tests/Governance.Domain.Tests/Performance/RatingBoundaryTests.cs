using Governance.Domain.Contracts;
using Governance.Domain.Performance;

namespace Governance.Domain.Tests.Performance;

/// <summary>What a rating means: green only when the target is met, by direction; the UK9 bands are the council's policy.</summary>
public sealed class RatingBoundaryTests
{
    private static readonly KpiDefinition Calls = new(Direction.HigherIsBetter, Target: 80, RedThreshold: 70, Weight: 20);
    private static readonly KpiDefinition Complaints = new(Direction.LowerIsBetter, Target: 40, RedThreshold: 80, Weight: 10);

    [Theory]
    [InlineData(85, Rag.Green)]
    [InlineData(80, Rag.Green)]
    [InlineData(79.99, Rag.Amber)] // short of target is never green
    [InlineData(76, Rag.Amber)]    // the 2015 paper's 76% against an 80% target
    [InlineData(70.01, Rag.Amber)]
    [InlineData(70, Rag.Red)]
    [InlineData(0, Rag.Red)]
    public void HigherIsBetter(decimal value, Rag expected) => Assert.Equal(expected, Calls.Rate(value));

    [Theory]
    [InlineData(0, Rag.Green)]
    [InlineData(40, Rag.Green)]
    [InlineData(40.01, Rag.Amber)]
    [InlineData(79.99, Rag.Amber)]
    [InlineData(80, Rag.Red)]
    [InlineData(120, Rag.Red)]
    public void LowerIsBetter(decimal value, Rag expected) => Assert.Equal(expected, Complaints.Rate(value));

    [Theory]
    [InlineData(1.0, 0, PerformanceRating.Good)]
    [InlineData(0.9, 0, PerformanceRating.Good)]
    [InlineData(0.8999, 0, PerformanceRating.ApproachingTarget)]
    [InlineData(0.95, 1, PerformanceRating.ApproachingTarget)] // a red period keeps a year from Good
    [InlineData(0.75, 0, PerformanceRating.ApproachingTarget)]
    [InlineData(0.7499, 0, PerformanceRating.RequiresImprovement)]
    [InlineData(0.5, 0, PerformanceRating.RequiresImprovement)]
    [InlineData(0.4999, 0, PerformanceRating.Inadequate)]
    public void DefaultPolicyBands(double average, int reds, PerformanceRating expected) =>
        Assert.Equal(expected, PerformancePolicy.Default.RatingOf((decimal)average, reds));

    [Fact]
    public void ContractPolicyMovesTheBands()
    {
        var strict = new PerformancePolicy(GoodFrom: 0.95m, ApproachingTargetFrom: 0.85m, RequiresImprovementFrom: 0.6m);
        Assert.Equal(PerformanceRating.ApproachingTarget, strict.RatingOf(0.94m, 0));
        Assert.Equal(PerformanceRating.RequiresImprovement, strict.RatingOf(0.8m, 0));
        Assert.Contains("council policy", strict.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyThresholdsMustDescend() =>
        Tendering.Rules.Broken("rating-policy-order", () => new PerformancePolicy(GoodFrom: 0.7m, ApproachingTargetFrom: 0.8m).Check());

    /// <summary>
    /// Hand-worked year: eight periods scoring 1, two at 0.8, one at 0.6, one at 0.4 (red).
    /// Average = (8 + 1.6 + 0.6 + 0.4) / 12 = 0.8833: below 0.9 and a red period, at least 0.75: Approaching target.
    /// </summary>
    [Fact]
    public void AssessYear_HandWorkedExample()
    {
        var scores = Enumerable.Repeat(1m, 8).Concat([0.8m, 0.8m, 0.6m, 0.4m]).ToList();
        var periods = scores.Select((s, i) => new PeriodRating(new DateOnly(2015, 1, 1).AddMonths(i), s, s >= 0.9m ? Rag.Green : s >= 0.5m ? Rag.Amber : Rag.Red, 7)).ToList();
        var assessment = ContractRating.AssessYear(periods, 12, PerformancePolicy.Default);
        Assert.Equal(0.8833m, assessment.AverageScore);
        Assert.Equal(1, assessment.RedPeriods);
        Assert.Equal(PerformanceRating.ApproachingTarget, assessment.Rating);
    }

    [Fact]
    public void Other_KeepsTheTrueAverageAndSaysWhy()
    {
        var periods = Enumerable.Range(0, 3).Select(i => new PeriodRating(new DateOnly(2015, 10, 1).AddMonths(i), 1m, Rag.Green, 4)).ToList();
        var assessment = ContractRating.AssessYear(periods, 12, PerformancePolicy.Default);
        Assert.Equal(PerformanceRating.Other, assessment.Rating);
        Assert.Equal(1m, assessment.AverageScore); // not "0%" above periods scored 100%
        Assert.Contains("only 3 of the year's 12 periods", assessment.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void EachKpiIsRatedToo()
    {
        var results = Enumerable.Range(0, 12).Select(i => new KpiResult(3, new DateOnly(2015, 1, 1).AddMonths(i), 20, i < 6 ? Rag.Amber : Rag.Red, ReturnState.Verified, 72)).ToList();
        var kpi = ContractRating.AssessKpi(3, results, 12, PerformancePolicy.Default);
        Assert.Equal(0.25m, kpi.AverageScore);
        Assert.Equal(PerformanceRating.Inadequate, kpi.Rating);
    }

    [Fact]
    public void PeriodScoreIsWeighted()
    {
        var period = new DateOnly(2015, 6, 1);
        // Weights 40, 40, 20: green, amber, red -> (40 + 20 + 0) / 100 = 0.6 -> amber.
        var rating = ContractRating.RatePeriod(period, [
            new KpiResult(1, period, 40, Rag.Green, ReturnState.Verified, 1), new KpiResult(2, period, 40, Rag.Amber, ReturnState.Verified, 1),
            new KpiResult(3, period, 20, Rag.Red, ReturnState.NotReported, null)]);
        Assert.NotNull(rating);
        Assert.Equal(0.6m, rating.Score);
        Assert.Equal(Rag.Amber, rating.Rag);
        Assert.Equal(1, rating.NotReported);
        Assert.Equal(2, rating.KpisReported);
    }
}
