using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Contracts;

/// <summary>A KPI of a contract or a standard of an internal SLA: exactly one of the two owns it.</summary>
public class Indicator : ArchivableEntity, ICheckedValues
{
    public int? ContractId { get; set; }

    public Contract? Contract { get; set; }

    public int? InternalSlaId { get; set; }

    public InternalSla? InternalSla { get; set; }

    [Required, MaxLength(32)]
    public string Code { get; set; } = "";

    [Required, MaxLength(300)]
    public string Name { get; set; } = "";

    [Required, MaxLength(32)]
    public string Unit { get; set; } = "%";

    public Direction Direction { get; set; }

    public IndicatorCategory Category { get; set; }

    /// <summary>The level the contract asks for, in the current version: meeting it is green, short of it amber.</summary>
    public decimal Target { get; set; }

    /// <summary>At or beyond this value the period is red (current version).</summary>
    public decimal RedThreshold { get; set; }

    /// <summary>How many amber periods in a row count as a slip (default 2).</summary>
    public int ConsecutiveAmberLimit { get; set; } = 2;

    public Frequency Frequency { get; set; }

    /// <summary>Weight in the contract's period rating (current version); a contract's weights sum to 100.</summary>
    public decimal Weight { get; set; } = 1m;

    public bool SupplierSelfReports { get; set; }

    /// <summary>Where the figure comes from (e.g. the telephony system's call logs).</summary>
    [MaxLength(500)]
    public string? DataSource { get; set; }

    /// <summary>What evidence must accompany a return for it to be verified.</summary>
    [MaxLength(1000)]
    public string? EvidenceRequired { get; set; }

    public ICollection<Measurement> Measurements { get; } = [];

    /// <summary>The history of the definition (not exposed as a navigation: read /odata/IndicatorVersions).</summary>
    public ICollection<IndicatorVersion> Versions { get; } = [];

    /// <summary>Direction, target, red threshold and weight as they stand now; past periods read their own version.</summary>
    public KpiDefinition Definition => new(Direction, Target, RedThreshold, Weight);

    public static bool IsPercentage(string unit) => unit.Trim() == "%";

    public void CheckValues()
    {
        Definition.Check(Unit);
        if (ConsecutiveAmberLimit is < 1 or > 12)
            throw new BusinessRuleException("kpi-amber-limit-range", $"ConsecutiveAmberLimit ({ConsecutiveAmberLimit}) is between 1 and 12 periods.", isInvalidInput: true);
    }

    /// <summary>The first version of the definition, effective from the first period the KPI measures.</summary>
    public IndicatorVersion FirstVersion(DateOnly effectiveFrom, string recordedBy, DateTime nowUtc) =>
        NewVersion(1, new DateOnly(effectiveFrom.Year, effectiveFrom.Month, 1), "First definition.", recordedBy, nowUtc);

    /// <summary>
    /// A change to the definition: a new version, with a reason, from a period that has not yet begun to be rated
    /// (the current month or later), so no past period and no published assessment is re-rated.
    /// </summary>
    public IndicatorVersion Revise(KpiDefinition definition, DateOnly effectiveFrom, string reason, int latestVersion, DateOnly today, string recordedBy, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Say why the KPI's definition changes.", isInvalidInput: true);
        if (effectiveFrom.Day != 1)
            throw new BusinessRuleException("period-start", "EffectiveFrom is the first day of a period (e.g. 2027-01-01).", isInvalidInput: true);
        if (effectiveFrom < new DateOnly(today.Year, today.Month, 1))
        {
            throw new BusinessRuleException("kpi-revision-not-retroactive",
                $"A KPI's definition changes from the current period or a later one, not from {effectiveFrom:MMMM yyyy}: past periods keep the definition they were rated with.");
        }

        definition.Check(Unit);
        (Direction, Target, RedThreshold, Weight) = (definition.Direction, definition.Target, definition.RedThreshold, definition.Weight);
        return NewVersion(latestVersion + 1, effectiveFrom, reason.Trim(), recordedBy, nowUtc);
    }

    private IndicatorVersion NewVersion(int version, DateOnly effectiveFrom, string reason, string recordedBy, DateTime nowUtc) => new()
    {
        IndicatorId = Id, Version = version, EffectiveFrom = effectiveFrom, Direction = Direction, Target = Target, RedThreshold = RedThreshold,
        Weight = Weight, Reason = reason, RecordedBy = recordedBy, RecordedAt = nowUtc,
    };
}
