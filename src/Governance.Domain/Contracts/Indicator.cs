using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Contracts;

/// <summary>A KPI of a contract or a standard of an internal SLA: exactly one of the two owns it.</summary>
public class Indicator : ArchivableEntity
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

    /// <summary>The level the contract asks for: meeting it is "on target".</summary>
    public decimal Target { get; set; }

    /// <summary>The tolerance: from here to the target a period is still green; beyond it, amber.</summary>
    public decimal AmberThreshold { get; set; }

    /// <summary>At or beyond this value the period is red.</summary>
    public decimal RedThreshold { get; set; }

    /// <summary>How many amber periods in a row count as a slip (default 2).</summary>
    public int ConsecutiveAmberLimit { get; set; } = 2;

    public Frequency Frequency { get; set; }

    /// <summary>Relative weight in the contract's period rating.</summary>
    public decimal Weight { get; set; } = 1m;

    public bool SupplierSelfReports { get; set; }

    /// <summary>Where the figure comes from (e.g. the telephony system's call logs).</summary>
    [MaxLength(500)]
    public string? DataSource { get; set; }

    /// <summary>What evidence must accompany a return for it to be verified.</summary>
    [MaxLength(1000)]
    public string? EvidenceRequired { get; set; }

    public ICollection<Measurement> Measurements { get; } = [];
}
