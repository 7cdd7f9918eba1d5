namespace Governance.Domain.Calendar;

/// <summary>Statutory day boundaries fall at midnight in Europe/London, whatever the season; instants are stored in UTC.</summary>
public static class LondonTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The London calendar date of a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>The UTC instant at which a London date begins (midnight local time).</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>The UTC instant of a Europe/London wall-clock time (a meeting at 18:15 is 17:15 UTC in summer).</summary>
    public static DateTime ToUtc(DateTime londonWallClock) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(londonWallClock, DateTimeKind.Unspecified), Zone);

    /// <summary>The UTC instant at which a London date ends: midnight at the end of it.</summary>
    public static DateTime EndOfDayUtc(DateOnly date) => StartOfDayUtc(date.AddDays(1));
}
