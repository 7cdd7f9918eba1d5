using Governance.Domain.Contracts;
using Governance.Domain.Performance;

namespace Governance.Domain.Tests.Performance;

/// <summary>Slips are found in every period a write touches, gaps included, not only at the latest return.</summary>
public sealed class SlipRulesTests
{
    private static readonly Indicator Calls = new() { Id = 3, Name = "Calls answered in 60s", Direction = Direction.HigherIsBetter, Target = 80, RedThreshold = 70, ConsecutiveAmberLimit = 2 };
    private static readonly Indicator Complaints = new() { Id = 5, Name = "Complaints", Direction = Direction.LowerIsBetter, Category = IndicatorCategory.Complaints, Target = 40, RedThreshold = 80 };

    private static IndicatorSeries Series(Indicator indicator, params decimal[] values) =>
        new(indicator, [], [.. values.Select((v, i) => new PeriodValue(new DateOnly(2015, 1, 1).AddMonths(i), v))]);

    [Fact]
    public void ARedMonthInTheMiddleOfABacklogIsFound()
    {
        var slips = SlipRules.ForIndicator(Series(Calls, 82, 69, 85, 66, 90)).Where(s => s.Cause == SlipCause.RedPeriod).Select(s => s.Period).ToList();
        Assert.Equal([new DateOnly(2015, 2, 1), new DateOnly(2015, 4, 1)], slips);
    }

    [Fact]
    public void BelowTargetTwiceInARowIsAConsecutiveAmber()
    {
        Assert.Contains(SlipRules.ForIndicator(Series(Calls, 80, 79, 76, 85)), s => s.Cause == SlipCause.ConsecutiveAmber && s.Period == new DateOnly(2015, 3, 1));
        Assert.DoesNotContain(SlipRules.ForIndicator(Series(Calls, 80, 79, 85, 76)), s => s.Cause == SlipCause.ConsecutiveAmber);
    }

    [Fact]
    public void WorseningIsFoundWhereverItHappens()
    {
        Assert.Contains(SlipRules.ForIndicator(Series(Calls, 90, 89, 88, 87, 95, 96)), s => s.Cause == SlipCause.Worsening && s.Period == new DateOnly(2015, 4, 1));
        Assert.DoesNotContain(SlipRules.ForIndicator(Series(Calls, 90, 89, 89, 87)), s => s.Cause == SlipCause.Worsening);
    }

    [Fact]
    public void GapsInTheMiddleAreOverdue()
    {
        var returned = new HashSet<DateOnly> { new(2015, 1, 1), new(2015, 3, 1) };
        var missing = SlipRules.Missing(Calls, new DateOnly(2015, 1, 1), new DateOnly(2015, 4, 1), returned, p => p.AddMonths(1).AddDays(14), new DateOnly(2015, 5, 20)).Select(s => s.Period).ToList();
        Assert.Equal([new DateOnly(2015, 2, 1), new DateOnly(2015, 4, 1)], missing);
    }

    [Fact]
    public void GreenOutsideRedInside_InAnyPeriod()
    {
        var calls = Series(Calls, 85, 85, 85, 85, 72, 72);
        var complaints = Series(Complaints, 40, 45, 50, 55, 60, 65);
        var slips = SlipRules.GreenOutsideRedInside([calls, complaints]).ToList();
        Assert.Equal([new DateOnly(2015, 4, 1)], slips.Select(s => s.Period)); // April: headline green, complaints up three months running
        Assert.All(slips, s => Assert.Equal(Complaints.Id, s.IndicatorId));
    }
}
