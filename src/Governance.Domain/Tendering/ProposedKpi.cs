using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Contracts;

namespace Governance.Domain.Tendering;

/// <summary>A KPI agreed in the tender; the contract created from the award starts with these indicators.</summary>
public class ProposedKpi : ArchivableEntity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    [Required, MaxLength(32)]
    public string Code { get; set; } = "";

    [Required, MaxLength(300)]
    public string Name { get; set; } = "";

    [Required, MaxLength(32)]
    public string Unit { get; set; } = "%";

    public Direction Direction { get; set; }

    public IndicatorCategory Category { get; set; }

    public decimal Target { get; set; }

    public decimal AmberThreshold { get; set; }

    public decimal RedThreshold { get; set; }

    public Frequency Frequency { get; set; }

    public decimal Weight { get; set; } = 1m;

    public bool SupplierSelfReports { get; set; }
}
