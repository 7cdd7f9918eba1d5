namespace Governance.Domain.Contracts;

public enum Direction
{
    HigherIsBetter,
    LowerIsBetter,
}

public enum Frequency
{
    Monthly,
    Quarterly,
    Annually,
}

/// <summary>
/// What an indicator measures. Complaints, staff and satisfaction indicators are watched against the
/// headline KPIs to catch a contract that is "green outside, red inside".
/// </summary>
public enum IndicatorCategory
{
    Performance,
    Complaints,
    Staff,
    Satisfaction,
}
