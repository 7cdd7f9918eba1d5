using System.Globalization;
using Governance.Domain.Calendar;

namespace Governance.Domain.Tests.Calendar;

/// <summary>Bank holidays from their rules and the proclaimed one-offs, checked against published lists.</summary>
public sealed class BankHolidayRulesTests
{
    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void EnglandAndWales_ByRules_MatchesThePublishedFileForEveryYear()
    {
        for (var year = 2012; year <= 2030; year++)
        {
            var published = BankHolidays.EnglandAndWales.Dates.Where(d => d.Year == year).Order();
            Assert.Equal(published, BankHolidayRules.Compute(HolidayDivision.EnglandAndWales, year));
        }
    }

    [Fact]
    public void Scotland2022_SecondOfJanuaryStAndrewsAndTheOneOffs()
    {
        Assert.Equal(
            ["2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-01", "2022-09-19", "2022-11-30", "2022-12-26", "2022-12-27"],
            BankHolidayRules.Compute(HolidayDivision.Scotland, 2022).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NorthernIreland2015_StPatricksAndTheBoyneSubstitute()
    {
        Assert.Equal(
            ["2015-01-01", "2015-03-17", "2015-04-03", "2015-04-06", "2015-05-04", "2015-05-25", "2015-07-13", "2015-08-31", "2015-12-25", "2015-12-28"],
            BankHolidayRules.Compute(HolidayDivision.NorthernIreland, 2015).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void UnitedKingdom_IsEveryDivisionsHolidays_InAnyYear()
    {
        Assert.True(BankHolidayRules.UnitedKingdom.Contains(D("2026-11-30"))); // St Andrew's Day (Scotland)
        Assert.True(BankHolidayRules.UnitedKingdom.Contains(D("2026-07-13"))); // the Boyne substitute (Northern Ireland)
        Assert.True(BankHolidayRules.UnitedKingdom.Contains(D("2026-04-06"))); // Easter Monday (not in Scotland)
        Assert.False(BankHolidayRules.EnglandAndWales.Contains(D("2026-11-30")));
        Assert.True(BankHolidayRules.UnitedKingdom.Contains(D("2041-12-25"))); // beyond any data file: the rules apply
        Assert.Equal(D("2041-04-21"), BankHolidayRules.EasterSunday(2041));
    }
}
