using Governance.Domain.Contracts;

namespace Governance.Domain.Performance;

/// <summary>How a KPI's period counts in the rating, and why.</summary>
public enum ReturnState
{
    Verified,

    /// <summary>The supplier's figure, not yet checked by the council: counted, and flagged.</summary>
    Unverified,

    /// <summary>Disputed by the contract manager: counted at the manager's figure, or red without one.</summary>
    Disputed,

    /// <summary>No return by the due date: red by default policy, and flagged.</summary>
    NotReported,
}

/// <summary>A return as the rating reads it: the version that counts for its period.</summary>
public sealed record ReturnFigure(int IndicatorId, DateOnly Period, decimal Value, VerificationStatus Status, decimal? ContractManagerValue);

/// <summary>What one KPI is expected to return: its frequency, definition history and first period; archived KPIs stop.</summary>
public sealed record KpiSchedule(int IndicatorId, Frequency Frequency, IReadOnlyList<IndicatorVersion> Versions, DateOnly FirstPeriod, DateOnly? LastPeriod = null);

/// <summary>
/// Counts every period each KPI owes, not only those with a return: a missing return cannot improve a rating, and a
/// disputed one never counts at the supplier's figure.
/// </summary>
public static class ReturnCounting
{
    /// <summary>The first days of the periods from <paramref name="first"/> that start on or before <paramref name="last"/>.</summary>
    public static IEnumerable<DateOnly> Periods(Frequency frequency, DateOnly first, DateOnly last)
    {
        for (var period = first; period <= last; period = SlipRules.NextPeriod(frequency, period))
            yield return period;
    }

    /// <summary>One KPI's result for one period, or null when it does not count (a missing return under a policy that leaves it out).</summary>
    public static KpiResult? Count(int indicatorId, DateOnly period, KpiDefinition definition, ReturnFigure? figure, PerformancePolicy policy)
    {
        if (figure is null)
            return policy.NotReportedCountsAsRed ? new KpiResult(indicatorId, period, definition.Weight, Rag.Red, ReturnState.NotReported, null) : null;
        return figure.Status switch
        {
            VerificationStatus.Disputed when figure.ContractManagerValue is { } council =>
                new KpiResult(indicatorId, period, definition.Weight, definition.Rate(council), ReturnState.Disputed, council),
            VerificationStatus.Disputed => new KpiResult(indicatorId, period, definition.Weight, Rag.Red, ReturnState.Disputed, null),
            VerificationStatus.Unverified => new KpiResult(indicatorId, period, definition.Weight, definition.Rate(figure.Value), ReturnState.Unverified, figure.Value),
            _ => new KpiResult(indicatorId, period, definition.Weight, definition.Rate(figure.Value), ReturnState.Verified, figure.Value),
        };
    }

    /// <summary>
    /// Every KPI's result in every period between <paramref name="from"/> and <paramref name="to"/> that is due by
    /// <paramref name="isDue"/> or has a return, each rated with the definition in force for its period.
    /// </summary>
    public static IReadOnlyList<KpiResult> CountAll(
        IReadOnlyList<KpiSchedule> kpis, IReadOnlyList<ReturnFigure> returns, PerformancePolicy policy, DateOnly from, DateOnly to, Func<Frequency, DateOnly, bool> isDue)
    {
        var byKey = returns.GroupBy(r => (r.IndicatorId, r.Period)).ToDictionary(g => g.Key, g => g.First());
        var results = new List<KpiResult>();
        foreach (var kpi in kpis)
        {
            var last = kpi.LastPeriod is { } end && end < to ? end : to;
            var owed = Periods(kpi.Frequency, kpi.FirstPeriod, last).Where(p => p >= from && isDue(kpi.Frequency, p));
            var returned = returns.Where(r => r.IndicatorId == kpi.IndicatorId && r.Period >= from && r.Period <= to).Select(r => r.Period);
            foreach (var period in owed.Union(returned).Order())
            {
                var definition = IndicatorVersion.InForce(kpi.Versions, period);
                if (Count(kpi.IndicatorId, period, definition, byKey.GetValueOrDefault((kpi.IndicatorId, period)), policy) is { } result)
                    results.Add(result);
            }
        }

        return results;
    }
}
