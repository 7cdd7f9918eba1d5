using Governance.Domain.Contracts;

namespace Governance.Domain.Performance;

/// <summary>The causes of a slip, as escalations name them: one escalation per contract and cause.</summary>
public static class SlipCause
{
    public const string RedPeriod = "red-period";
    public const string ConsecutiveAmber = "consecutive-amber";
    public const string Worsening = "worsening";
    public const string OverdueReturn = "overdue-return";
    public const string GreenOutsideRedInside = "green-outside-red-inside";
}

public sealed record Slip(string Cause, int IndicatorId, DateOnly Period, string Detail);

/// <summary>One period's value of an indicator, the latest version only.</summary>
public sealed record PeriodValue(DateOnly Period, decimal Value);

/// <summary>Slip rules over an indicator's returns, pure so that the sweep and a single new return agree.</summary>
public static class SlipRules
{
    public const int WorseningPeriods = 3;

    /// <summary>The slips shown by the latest period of one indicator's series (ordered by period).</summary>
    public static IEnumerable<Slip> ForIndicator(Indicator indicator, IReadOnlyList<PeriodValue> series)
    {
        if (series.Count == 0)
            yield break;
        var latest = series[^1];
        var rags = series.Select(v => RagRating.Rate(indicator, v.Value)).ToList();
        if (rags[^1] == Rag.Red)
            yield return new Slip(SlipCause.RedPeriod, indicator.Id, latest.Period, $"{indicator.Name} was red at {latest.Value} in {latest.Period:MMMM yyyy}.");

        var limit = Math.Max(1, indicator.ConsecutiveAmberLimit);
        if (rags.Count >= limit && rags.TakeLast(limit).All(r => r == Rag.Amber))
            yield return new Slip(SlipCause.ConsecutiveAmber, indicator.Id, latest.Period, $"{indicator.Name} has been amber for {limit} periods in a row.");

        if (IsWorsening(indicator.Direction, series))
            yield return new Slip(SlipCause.Worsening, indicator.Id, latest.Period, $"{indicator.Name} has worsened in each of the last {WorseningPeriods} periods.");
    }

    /// <summary>Worse in each of the last three periods than in the one before.</summary>
    public static bool IsWorsening(Direction direction, IReadOnlyList<PeriodValue> series) =>
        series.Count > WorseningPeriods
        && Enumerable.Range(series.Count - WorseningPeriods, WorseningPeriods).All(i => RagRating.IsWorse(direction, series[i - 1].Value, series[i].Value));

    /// <summary>
    /// The headline KPIs are all green in the latest period while a complaints, staff or satisfaction indicator
    /// is worsening: met on paper while the service deteriorates.
    /// </summary>
    public static Slip? GreenOutsideRedInside(IReadOnlyList<(Indicator Indicator, IReadOnlyList<PeriodValue> Series)> contractIndicators)
    {
        var headline = contractIndicators.Where(i => i.Indicator.Category == IndicatorCategory.Performance && i.Series.Count > 0).ToList();
        if (headline.Count == 0 || headline.Any(h => RagRating.Rate(h.Indicator, h.Series[^1].Value) != Rag.Green))
            return null;
        var inside = contractIndicators.FirstOrDefault(i => i.Indicator.Category != IndicatorCategory.Performance && IsWorsening(i.Indicator.Direction, i.Series));
        return inside.Indicator is null ? null : new Slip(
            SlipCause.GreenOutsideRedInside, inside.Indicator.Id, inside.Series[^1].Period,
            $"All headline KPIs are green while {inside.Indicator.Name} ({inside.Indicator.Category}) has worsened for {WorseningPeriods} periods.");
    }

    /// <summary>The first day of the period after <paramref name="period"/> for a frequency.</summary>
    public static DateOnly NextPeriod(Frequency frequency, DateOnly period) => frequency switch
    {
        Frequency.Quarterly => period.AddMonths(3),
        Frequency.Annually => period.AddYears(1),
        _ => period.AddMonths(1),
    };
}
