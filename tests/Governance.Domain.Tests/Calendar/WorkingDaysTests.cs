using Governance.Domain.Calendar;

namespace Governance.Domain.Tests.Calendar;

public sealed class WorkingDaysTests
{
    private static readonly WorkingDays Days = WorkingDays.EnglandAndWales;

    [Theory]
    [InlineData(2012, 6, 5, false)]   // Queen's Diamond Jubilee
    [InlineData(2020, 5, 8, false)]   // VE Day, early May holiday moved
    [InlineData(2020, 5, 4, true)]    // the Monday it moved from
    [InlineData(2022, 9, 19, false)]  // State Funeral
    [InlineData(2023, 5, 8, false)]   // Coronation
    [InlineData(2026, 12, 28, false)] // Boxing Day substitute (26th is a Saturday)
    [InlineData(2027, 12, 27, false)] // Christmas substitute (25th is a Saturday)
    [InlineData(2027, 12, 28, false)] // Boxing Day substitute
    [InlineData(2028, 4, 14, false)]  // Good Friday
    [InlineData(2026, 11, 25, true)]
    [InlineData(2026, 11, 28, false)] // Saturday
    public void IsWorkingDay_KnowsWeekendsAndBankHolidays(int y, int m, int d, bool expected) =>
        Assert.Equal(expected, Days.IsWorkingDay(new DateOnly(y, m, d)));

    [Fact]
    public void BankHolidays_EightAYearOrMore_2012To2030()
    {
        var byYear = PublishedList.EnglandAndWales.GroupBy(d => d.Year).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(2012, 19), byYear.Keys.Order());
        Assert.All(byYear.Values, count => Assert.InRange(count, 8, 10));
        Assert.Equal(10, byYear[2022]);
    }

    [Fact]
    public void IsWorkingDay_BeyondThePublishedLists_FollowsTheRules_AndSaysItIsAProjection()
    {
        Assert.False(Days.IsWorkingDay(new DateOnly(2031, 1, 1)));  // New Year's Day
        Assert.True(Days.IsWorkingDay(new DateOnly(2031, 1, 6)));
        Assert.False(Days.IsWorkingDay(new DateOnly(2099, 12, 25)));
        Assert.True(BankHolidayRules.IsProjected(new DateOnly(2031, 1, 6)));
        Assert.False(BankHolidayRules.IsProjected(new DateOnly(2026, 12, 28)));
    }

    [Fact]
    public void ClearWorkingDaysBetween_ExcludesBothEnds() =>
        Assert.Equal(5, Days.ClearWorkingDaysBetween(new DateOnly(2014, 9, 29), new DateOnly(2014, 10, 7)));
}
