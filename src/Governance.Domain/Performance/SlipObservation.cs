using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Performance;

/// <summary>
/// One slip seen in one indicator's period, added to its contract's (or SLA's) escalation for that cause. Unique
/// per indicator, period and cause, so running detection again adds nothing.
/// </summary>
public class SlipObservation : ILogRow
{
    public long Id { get; set; }

    public int EscalationId { get; set; }

    public int IndicatorId { get; set; }

    /// <summary>The KPI observed: a slip is as confidential as its KPI and the KPI's contract.</summary>
    public Contracts.Indicator? Indicator { get; set; }

    public DateOnly PeriodStart { get; set; }

    [MaxLength(64)]
    public string Cause { get; set; } = "";

    [MaxLength(2000)]
    public string Detail { get; set; } = "";

    public DateTime ObservedAt { get; set; }
}
