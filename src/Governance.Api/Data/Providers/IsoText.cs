namespace Governance.Api.Data.Providers;

/// <summary>The fixed-position date and time text EF's SQLite provider writes, read digit by digit.</summary>
internal static class IsoText
{
    /// <summary>yyyy-MM-dd at the start of <paramref name="text"/>, a real calendar date; false for anything else.</summary>
    public static bool TryReadDate(string text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-')
            return false;
        year = Digits(text, 0, 4);
        month = Digits(text, 5, 2);
        day = Digits(text, 8, 2);
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>The number the digits at [start, start + count) spell, or -1 if any is not a digit.</summary>
    public static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
                return -1;
            value = (value * 10) + digit;
        }

        return value;
    }
}
