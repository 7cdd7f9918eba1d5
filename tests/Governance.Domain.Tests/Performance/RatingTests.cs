using Governance.Domain.Contracts;
using Governance.Domain.Performance;

namespace Governance.Domain.Tests.Performance;

public sealed class RatingTests
{
    private static readonly Indicator Calls = new() { Id = 3, Name = "Calls answered in 60s", Direction = Direction.HigherIsBetter, Target = 80, AmberThreshold = 75, RedThreshold = 70 };
    private static readonly Indicator Complaints = new() { Id = 5, Name = "Complaints", Direction = Direction.LowerIsBetter, Category = IndicatorCategory.Complaints, Target = 40, AmberThreshold = 60, RedThreshold = 80 };

    [Theory]
    [InlineData(85, Rag.Green)]
    [InlineData(75, Rag.Green)]    // within tolerance of the 80 target
    [InlineData(74.9, Rag.Amber)]
    [InlineData(70.1, Rag.Amber)]
    [InlineData(70, Rag.Red)]
    public void Rate_HigherIsBetter(decimal value, Rag expected) => Assert.Equal(expected, RagRating.Rate(Calls, value));

    [Theory]
    [InlineData(30, Rag.Green)]
    [InlineData(60, Rag.Green)]
    [InlineData(61, Rag.Amber)]
    [InlineData(80, Rag.Red)]
    public void Rate_LowerIsBetter(decimal value, Rag expected) => Assert.Equal(expected, RagRating.Rate(Complaints, value));

    [Fact]
    public void RatePeriod_WeightsTheKpis()
    {
        // Weights 2, 2, 1: green, amber, red -> (2*1 + 2*0.5 + 1*0) / 5 = 0.6 -> amber.
        var rating = ContractRating.RatePeriod(new DateOnly(2015, 6, 1), [new KpiResult(1, 2, Rag.Green), new KpiResult(2, 2, Rag.Amber), new KpiResult(3, 1, Rag.Red)]);
        Assert.NotNull(rating);
        Assert.Equal(0.6m, rating.Score);
        Assert.Equal(Rag.Amber, rating.Rag);
    }

    /// <summary>
    /// Hand-worked year: eight green periods (score 1), two at 0.8, one at 0.6, one red at 0.4.
    /// Average = (8 + 1.6 + 0.6 + 0.4) / 12 = 10.6 / 12 = 0.8833: not Good (below 0.9 and a red period),
    /// but at least 0.75, so Approaching target.
    /// </summary>
    [Fact]
    public void AssessYear_HandWorkedExample_IsApproachingTarget()
    {
        var scores = Enumerable.Repeat(1m, 8).Concat([0.8m, 0.8m, 0.6m, 0.4m]).ToList();
        var periods = scores.Select((s, i) => new PeriodRating(new DateOnly(2015, 1, 1).AddMonths(i), s, s >= 0.9m ? Rag.Green : s >= 0.6m ? Rag.Amber : Rag.Red, 7)).ToList();
        var assessment = ContractRating.AssessYear(periods);
        Assert.Equal(0.8833m, assessment.AverageScore);
        Assert.Equal(1, assessment.RedPeriods);
        Assert.Equal(PerformanceRating.ApproachingTarget, assessment.Rating);
    }

    [Theory]
    [InlineData(0.95, 0, PerformanceRating.Good)]
    [InlineData(0.95, 1, PerformanceRating.ApproachingTarget)]
    [InlineData(0.6, 0, PerformanceRating.RequiresImprovement)]
    [InlineData(0.3, 6, PerformanceRating.Inadequate)]
    public void AssessYear_Bands(double score, int reds, PerformanceRating expected)
    {
        var periods = Enumerable.Range(0, 12).Select(i => new PeriodRating(new DateOnly(2015, 1, 1).AddMonths(i), (decimal)score, i < reds ? Rag.Red : Rag.Green, 1)).ToList();
        Assert.Equal(expected, ContractRating.AssessYear(periods).Rating);
    }

    [Fact]
    public void AssessYear_TooFewPeriods_IsOther() =>
        Assert.Equal(PerformanceRating.Other, ContractRating.AssessYear([new PeriodRating(new DateOnly(2015, 1, 1), 1, Rag.Green, 1)]).Rating);

    [Fact]
    public void Slips_RedAmberAndWorsening()
    {
        static List<PeriodValue> Series(params decimal[] values) => [.. values.Select((v, i) => new PeriodValue(new DateOnly(2015, 1, 1).AddMonths(i), v))];
        Assert.Contains(SlipRules.ForIndicator(Calls, Series(82, 69)), s => s.Cause == SlipCause.RedPeriod);
        Assert.Contains(SlipRules.ForIndicator(Calls, Series(80, 74, 73)), s => s.Cause == SlipCause.ConsecutiveAmber);
        Assert.DoesNotContain(SlipRules.ForIndicator(Calls, Series(80, 80, 74)), s => s.Cause == SlipCause.ConsecutiveAmber);
        Assert.Contains(SlipRules.ForIndicator(Calls, Series(90, 89, 88, 87)), s => s.Cause == SlipCause.Worsening);
        Assert.DoesNotContain(SlipRules.ForIndicator(Calls, Series(90, 89, 89, 87)), s => s.Cause == SlipCause.Worsening);
    }

    [Fact]
    public void GreenOutsideRedInside_HeadlineGreenWhileComplaintsRise()
    {
        var months = Enumerable.Range(0, 4).Select(i => new DateOnly(2015, 1, 1).AddMonths(i)).ToList();
        var calls = months.Select(m => new PeriodValue(m, 85)).ToList();
        var complaints = months.Select((m, i) => new PeriodValue(m, 40 + (i * 5))).ToList();
        var slip = SlipRules.GreenOutsideRedInside([(Calls, calls), (Complaints, complaints)]);
        Assert.NotNull(slip);
        Assert.Equal(Complaints.Id, slip.IndicatorId);
        Assert.Null(SlipRules.GreenOutsideRedInside([(Calls, calls.Select(c => c with { Value = 72 }).ToList()), (Complaints, complaints)]));
    }
}
