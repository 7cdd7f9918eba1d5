using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Contracts;

/// <summary>
/// One version of a KPI's definition, in force from the first day of a period until the next version. Append-only:
/// a period is always rated with the version in force for it, so a change never re-rates the past.
/// </summary>
public class IndicatorVersion : ILogRow
{
    public long Id { get; set; }

    public int IndicatorId { get; set; }

    /// <summary>The KPI defined: a version is as confidential as its KPI and the KPI's contract.</summary>
    public Indicator? Indicator { get; set; }

    public int Version { get; set; }

    /// <summary>First day of the first period this version rates.</summary>
    public DateOnly EffectiveFrom { get; set; }

    public Direction Direction { get; set; }

    public decimal Target { get; set; }

    public decimal RedThreshold { get; set; }

    public decimal Weight { get; set; }

    [MaxLength(2000)]
    public string Reason { get; set; } = "";

    [MaxLength(256)]
    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public KpiDefinition Definition => new(Direction, Target, RedThreshold, Weight);

    /// <summary>The version in force for a period: the latest one effective on or before it (the first one before any).</summary>
    public static KpiDefinition InForce(IReadOnlyList<IndicatorVersion> versions, DateOnly period)
    {
        var ordered = versions.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Version).ToList();
        if (ordered.Count == 0)
            throw new InvalidOperationException("A KPI has at least one version of its definition.");
        return (ordered.LastOrDefault(v => v.EffectiveFrom <= period) ?? ordered[0]).Definition;
    }
}
