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

/// <summary>One period's counted value of an indicator (the current version; a disputed one at the contract manager's figure).</summary>
public sealed record PeriodValue(DateOnly Period, decimal Value);

/// <summary>An indicator with the history of its definition and its counted values, ordered by period.</summary>
public sealed record IndicatorSeries(Indicator Indicator, IReadOnlyList<IndicatorVersion> Versions, IReadOnlyList<PeriodValue> Series)
{
    public KpiDefinition DefinitionAt(DateOnly period) => Versions.Count == 0 ? Indicator.Definition : IndicatorVersion.InForce(Versions, period);

    public Rag RagAt(int index) => DefinitionAt(Series[index].Period).Rate(Series[index].Value);
}

/// <summary>
/// Slip rules over every period of an indicator's returns, not only the latest: a back-log import, a correction of an
/// old month or a gap in the middle is found wherever it lies. Pure, so that the sweep and a single write agree, and
/// each slip names its period so that detection stays idempotent.
/// </summary>
public static class SlipRules
{
    public const int WorseningPeriods = 3;

    public static IEnumerable<Slip> ForIndicator(IndicatorSeries series)
    {
        var indicator = series.Indicator;
        var limit = Math.Max(1, indicator.ConsecutiveAmberLimit);
        for (var i = 0; i < series.Series.Count; i++)
        {
            var (period, value) = (series.Series[i].Period, series.Series[i].Value);
            var rag = series.RagAt(i);
            if (rag == Rag.Red)
                yield return new Slip(SlipCause.RedPeriod, indicator.Id, period, $"{indicator.Name} was red at {value} in {period:MMMM yyyy}.");
            if (rag == Rag.Amber && i + 1 >= limit && Enumerable.Range(i + 1 - limit, limit).All(j => series.RagAt(j) == Rag.Amber))
                yield return new Slip(SlipCause.ConsecutiveAmber, indicator.Id, period, $"{indicator.Name} has been below target (amber) for {limit} periods in a row to {period:MMMM yyyy}.");
            if (IsWorseningAt(series, i))
                yield return new Slip(SlipCause.Worsening, indicator.Id, period, $"{indicator.Name} has worsened in each of the {WorseningPeriods} periods to {period:MMMM yyyy}.");
        }
    }

    /// <summary>Worse in each of the three periods ending at <paramref name="index"/> than in the one before.</summary>
    public static bool IsWorseningAt(IndicatorSeries series, int index) =>
        index >= WorseningPeriods
        && Enumerable.Range(index - WorseningPeriods + 1, WorseningPeriods)
            .All(i => RagRating.IsWorse(series.DefinitionAt(series.Series[i].Period).Direction, series.Series[i - 1].Value, series.Series[i].Value));

    /// <summary>Every period the indicator owed and did not return by its due date: gaps in the middle as well as at the end.</summary>
    public static IEnumerable<Slip> Missing(Indicator indicator, DateOnly firstPeriod, DateOnly lastPeriod, IReadOnlyCollection<DateOnly> returned, Func<DateOnly, DateOnly> dueDate, DateOnly today)
    {
        foreach (var period in ReturnCounting.Periods(indicator.Frequency, firstPeriod, lastPeriod))
        {
            var due = dueDate(period);
            if (today > due && !returned.Contains(period))
                yield return new Slip(SlipCause.OverdueReturn, indicator.Id, period, $"The {period:MMMM yyyy} return for {indicator.Name} was due by {due:d MMMM yyyy} and has not been made.");
        }
    }

    /// <summary>
    /// In any period where every headline KPI is green while a complaints, staff or satisfaction indicator has worsened
    /// for three periods: met on paper while the service deteriorates.
    /// </summary>
    public static IEnumerable<Slip> GreenOutsideRedInside(IReadOnlyList<IndicatorSeries> contractIndicators)
    {
        var headline = contractIndicators.Where(i => i.Indicator.Category == IndicatorCategory.Performance && i.Series.Count > 0).ToList();
        if (headline.Count == 0)
            yield break;
        foreach (var inside in contractIndicators.Where(i => i.Indicator.Category != IndicatorCategory.Performance))
        {
            for (var i = WorseningPeriods; i < inside.Series.Count; i++)
            {
                var period = inside.Series[i].Period;
                if (!IsWorseningAt(inside, i) || !headline.All(h => GreenAt(h, period)))
                    continue;
                yield return new Slip(SlipCause.GreenOutsideRedInside, inside.Indicator.Id, period,
                    $"In {period:MMMM yyyy} every headline KPI was on target while {inside.Indicator.Name} ({inside.Indicator.Category}) had worsened for {WorseningPeriods} periods.");
            }
        }
    }

    private static bool GreenAt(IndicatorSeries headline, DateOnly period)
    {
        var index = headline.Series.ToList().FindIndex(v => v.Period == period);
        return index >= 0 && headline.RagAt(index) == Rag.Green;
    }

    /// <summary>The first day of the period after <paramref name="period"/> for a frequency.</summary>
    public static DateOnly NextPeriod(Frequency frequency, DateOnly period) => frequency switch
    {
        Frequency.Quarterly => period.AddMonths(3),
        Frequency.Annually => period.AddYears(1),
        _ => period.AddMonths(1),
    };

    /// <summary>The last day of a period.</summary>
    public static DateOnly PeriodEnd(Frequency frequency, DateOnly period) => NextPeriod(frequency, period).AddDays(-1);
}
