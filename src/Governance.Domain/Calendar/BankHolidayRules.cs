using System.Globalization;
using System.Text.Json;

namespace Governance.Domain.Calendar;

/// <summary>The three bank-holiday divisions of the United Kingdom.</summary>
public enum HolidayDivision
{
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

/// <summary>
/// Bank holidays computed from their standing rules (Banking and Financial Dealings Act 1971, Schedule 1, and the
/// dates fixed by proclamation each year), for any year: fixed days with a substitute weekday when they fall at a
/// weekend, Easter, the first and last Mondays of May and August; plus the one-off changes by proclamation
/// (jubilees, funerals, moved days) from a data file. A year outside the data file's knowledge still follows the
/// rules; a later proclamation is added to the file.
/// </summary>
public sealed class BankHolidayRules
{
    private readonly HolidayDivision[] divisions;
    private readonly Dictionary<int, HashSet<DateOnly>> byYear = [];
    private readonly Lock gate = new();

    public BankHolidayRules(params HolidayDivision[] divisions) => this.divisions = divisions;

    /// <summary>Any part of the United Kingdom: what "working day" means in the Procurement Act 2023 (s.123).</summary>
    public static BankHolidayRules UnitedKingdom { get; } = new(HolidayDivision.EnglandAndWales, HolidayDivision.Scotland, HolidayDivision.NorthernIreland);

    public static BankHolidayRules EnglandAndWales { get; } = new(HolidayDivision.EnglandAndWales);

    private static OneOffs proclaimed = OneOffs.Embedded;

    /// <summary>
    /// The last day the proclaimed one-offs are known to: the end of the latest published list they were read from.
    /// A date after it follows the standing rules alone, and a later proclamation could still change it.
    /// </summary>
    public static DateOnly KnownTo => proclaimed.KnownTo;

    /// <summary>Whether a date lies beyond the published lists, so that its holidays are the rules' projection.</summary>
    public static bool IsProjected(DateOnly date) => date > KnownTo;

    /// <summary>Replaces the proclaimed one-offs (a council's updated file, read at start-up); every division's years are computed again.</summary>
    public static void UseOneOffs(OneOffs oneOffs)
    {
        proclaimed = oneOffs;
        foreach (var rules in new[] { UnitedKingdom, EnglandAndWales })
        {
            lock (rules.gate)
                rules.byYear.Clear();
        }
    }

    public bool Contains(DateOnly date) => Year(date.Year).Contains(date);

    /// <summary>The bank holidays of a year, in date order.</summary>
    public IReadOnlyList<DateOnly> InYear(int year) => [.. Year(year).Order()];

    private HashSet<DateOnly> Year(int year)
    {
        lock (gate)
        {
            if (!byYear.TryGetValue(year, out var dates))
            {
                dates = [.. divisions.SelectMany(d => Compute(d, year))];
                byYear[year] = dates;
            }

            return dates;
        }
    }

    /// <summary>One division's holidays in one year.</summary>
    public static IReadOnlyList<DateOnly> Compute(HolidayDivision division, int year) => Compute(division, year, proclaimed);

    /// <summary>One division's holidays in one year, with the given one-offs.</summary>
    public static IReadOnlyList<DateOnly> Compute(HolidayDivision division, int year, OneOffs oneOffs)
    {
        var easter = EasterSunday(year);
        var weekdayRules = new List<DateOnly> { easter.AddDays(-2), FirstMonday(year, 5), LastMonday(year, 5) }; // Good Friday, early May, spring
        var fixedDays = new List<DateOnly> { new(year, 1, 1), new(year, 12, 25), new(year, 12, 26) };
        switch (division)
        {
            case HolidayDivision.EnglandAndWales:
                weekdayRules.AddRange([easter.AddDays(1), LastMonday(year, 8)]);
                break;
            case HolidayDivision.Scotland:
                weekdayRules.Add(FirstMonday(year, 8));
                fixedDays.AddRange([new(year, 1, 2), new(year, 11, 30)]);
                break;
            case HolidayDivision.NorthernIreland:
                weekdayRules.AddRange([easter.AddDays(1), LastMonday(year, 8)]);
                fixedDays.AddRange([new(year, 3, 17), new(year, 7, 12)]);
                break;
        }

        var name = DivisionName(division);
        var changes = oneOffs.Events.Where(o => o.Date.Year == year && o.Divisions.Contains(name)).ToList();
        weekdayRules.RemoveAll(d => changes.Any(c => c.Replaces == d));
        var holidays = new HashSet<DateOnly>(weekdayRules.Concat(fixedDays.Where(IsWeekday)).Concat(changes.Select(c => c.Date)));

        // A fixed day at a weekend is replaced by the next weekday that is not already a holiday, in date order.
        foreach (var day in fixedDays.Where(d => !IsWeekday(d)).Order())
        {
            var substitute = day.AddDays(1);
            while (!IsWeekday(substitute) || holidays.Contains(substitute))
                substitute = substitute.AddDays(1);
            holidays.Add(substitute);
        }

        return [.. holidays.Order()];
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday)
            date = date.AddDays(1);
        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        while (date.DayOfWeek != DayOfWeek.Monday)
            date = date.AddDays(-1);
        return date;
    }

    /// <summary>A division's name in the one-offs file and in the official bank-holidays JSON.</summary>
    public static string DivisionName(HolidayDivision division) => division switch
    {
        HolidayDivision.Scotland => "scotland",
        HolidayDivision.NorthernIreland => "northern-ireland",
        _ => "england-and-wales",
    };
}
