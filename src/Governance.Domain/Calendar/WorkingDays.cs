namespace Governance.Domain.Calendar;

/// <summary>Working days: Monday to Friday, less the bank holidays of a calendar.</summary>
public sealed class WorkingDays(Func<DateOnly, bool> isBankHoliday)
{
    /// <summary>England and Wales, by the standing rules and the proclaimed one-offs, for any year (councils' clocks: s.100B, the forward plan, PCR 2015).</summary>
    public static WorkingDays EnglandAndWales { get; } = new(BankHolidayRules.EnglandAndWales.Contains);

    /// <summary>
    /// Procurement Act 2023 s.123, as we read it: not a Saturday, Sunday, Christmas Day, Good Friday or a bank
    /// holiday in any part of the United Kingdom.
    /// </summary>
    public static WorkingDays UnitedKingdom { get; } = new(BankHolidayRules.UnitedKingdom.Contains);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !isBankHoliday(date);

    /// <summary>The date that is <paramref name="count"/> working days after <paramref name="start"/> (the start not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var date = start;
        for (var found = 0; found < count;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
                found++;
        }

        return date;
    }

    /// <summary>The date that is <paramref name="count"/> working days before <paramref name="end"/> (the end not counted).</summary>
    public DateOnly SubtractWorkingDays(DateOnly end, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var date = end;
        for (var found = 0; found < count;)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date))
                found++;
        }

        return date;
    }

    /// <summary>The date itself when it is a working day, else the next working day.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
            date = date.AddDays(1);
        return date;
    }

    /// <summary>The date itself when it is a working day, else the working day before it.</summary>
    public DateOnly OnOrPreviousWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
            date = date.AddDays(-1);
        return date;
    }

    /// <summary>Working days strictly between two dates: both ends excluded, as councils count clear days.</summary>
    public int ClearWorkingDaysBetween(DateOnly first, DateOnly last)
    {
        var count = 0;
        for (var date = first.AddDays(1); date < last; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
                count++;
        }

        return count;
    }
}
