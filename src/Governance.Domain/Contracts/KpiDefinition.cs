using Governance.Domain.Common;
using Governance.Domain.Performance;

namespace Governance.Domain.Contracts;

/// <summary>What a KPI asks for in a period: its direction, target, red threshold and weight in the contract's rating.</summary>
public sealed record KpiDefinition(Direction Direction, decimal Target, decimal RedThreshold, decimal Weight)
{
    public Rag Rate(decimal value) => RagRating.Rate(Direction, Target, RedThreshold, value);

    /// <summary>The definition's values are consistent: thresholds on the right side of the target, weight positive, percentages 0 to 100.</summary>
    public void Check(string unit)
    {
        if (Direction == Direction.HigherIsBetter ? RedThreshold >= Target : RedThreshold <= Target)
        {
            throw new BusinessRuleException("kpi-thresholds-direction", Direction == Direction.HigherIsBetter
                ? $"RedThreshold ({RedThreshold}) must be below Target ({Target}) when higher is better."
                : $"RedThreshold ({RedThreshold}) must be above Target ({Target}) when lower is better.", isInvalidInput: true);
        }

        if (Weight is <= 0 or > 100)
            throw new BusinessRuleException("kpi-weight-range", $"Weight ({Weight}) must be more than 0 and at most 100: the weights of a contract's KPIs sum to 100.", isInvalidInput: true);
        if (Target < 0 || RedThreshold < 0)
            throw new BusinessRuleException("kpi-threshold-negative", "Target and RedThreshold cannot be negative.", isInvalidInput: true);
        if (Indicator.IsPercentage(unit) && (Target > 100 || RedThreshold > 100))
            throw new BusinessRuleException("kpi-percentage-range", "Target and RedThreshold of a percentage are between 0 and 100.", isInvalidInput: true);
    }
}
