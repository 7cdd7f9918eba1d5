using System.Globalization;
using System.Text;
using System.Text.Json;
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
            var published = PublishedList.EnglandAndWales.Where(d => d.Year == year).Order();
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

    [Fact]
    public void ThePublishedListsOfEveryDivision_ImplyTheEmbeddedOneOffs()
    {
        // GOV.UK's JSON layout, with each division's days as the rules and the proclamations give them.
        var published = JsonSerializer.Serialize(Enum.GetValues<HolidayDivision>().ToDictionary(
            BankHolidayRules.DivisionName,
            d => new { division = BankHolidayRules.DivisionName(d), events = Enumerable.Range(2012, 19).SelectMany(y => BankHolidayRules.Compute(d, y, OneOffs.Embedded))
                .Select(date => new { title = "Bank holiday", date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), notes = "", bunting = true }) }));

        var imported = OneOffs.FromPublished(new MemoryStream(Encoding.UTF8.GetBytes(published)));

        Assert.Equal(D("2030-12-31"), imported.KnownTo);
        Assert.Equal(
            OneOffs.Embedded.Events.Select(e => (e.Date, e.Replaces, string.Join(",", e.Divisions))),
            imported.Events.Select(e => (e.Date, e.Replaces, string.Join(",", e.Divisions))));
    }

    [Fact]
    public void ANewProclamation_InAPublishedList_BecomesAOneOff_AndTheRulesKeepIt()
    {
        var jubilee = D("2031-06-09");
        var days = BankHolidayRules.Compute(HolidayDivision.EnglandAndWales, 2031, OneOffs.Embedded).Append(jubilee)
            .Select(date => new { title = date == jubilee ? "A jubilee" : "Bank holiday", date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var published = JsonSerializer.Serialize(new Dictionary<string, object> { ["england-and-wales"] = new { events = days } });

        var imported = OneOffs.FromPublished(new MemoryStream(Encoding.UTF8.GetBytes(published)));
        var added = Assert.Single(imported.Events);
        Assert.Equal((jubilee, "A jubilee", (DateOnly?)null), (added.Date, added.Title, added.Replaces));
        Assert.Equal(D("2031-12-31"), imported.KnownTo);

        var withIt = OneOffs.Embedded with { KnownTo = imported.KnownTo, Events = [.. OneOffs.Embedded.Events, added] };
        Assert.Contains(jubilee, BankHolidayRules.Compute(HolidayDivision.EnglandAndWales, 2031, withIt));
        Assert.DoesNotContain(jubilee, BankHolidayRules.Compute(HolidayDivision.EnglandAndWales, 2031, OneOffs.Embedded));
        var roundTrip = OneOffs.Load(new MemoryStream(Encoding.UTF8.GetBytes(withIt.ToJson("test"))));
        Assert.Equal(withIt.KnownTo, roundTrip.KnownTo);
        Assert.Equal(withIt.Events.Select(e => (e.Date, e.Replaces)), roundTrip.Events.Select(e => (e.Date, e.Replaces)));
    }

    [Fact]
    public void APublishedListThatDropsARulesDay_WithNothingInItsPlace_IsRefused()
    {
        var days = BankHolidayRules.Compute(HolidayDivision.EnglandAndWales, 2031, OneOffs.None).Skip(1)
            .Select(date => new { title = "Bank holiday", date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var published = JsonSerializer.Serialize(new Dictionary<string, object> { ["england-and-wales"] = new { events = days } });

        var refused = Assert.Throws<InvalidDataException>(() => OneOffs.FromPublished(new MemoryStream(Encoding.UTF8.GetBytes(published))));
        Assert.Contains("2031-01-01", refused.Message, StringComparison.Ordinal);
    }
}
