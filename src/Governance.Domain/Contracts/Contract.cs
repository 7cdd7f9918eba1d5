using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Contracts;

/// <summary>An entry in the council's contract register.</summary>
public class Contract : ArchivableEntity
{
    [Required, MaxLength(32)]
    public string Reference { get; set; } = "";

    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    [MaxLength(4000)]
    public string? Description { get; set; }

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    public int DepartmentId { get; set; }

    public Department? Department { get; set; }

    /// <summary>The procurement the contract was let from, if it was let through Governance.</summary>
    public int? ProcurementId { get; set; }

    [MaxLength(200)]
    public string? ContractManager { get; set; }

    /// <summary>Whole-life value in GBP, excluding VAT.</summary>
    public decimal TotalValue { get; set; }

    public decimal AnnualValue { get; set; }

    /// <summary>VAT the council cannot recover (Transparency Code field).</summary>
    public decimal IrrecoverableVat { get; set; }

    public DateOnly StartOn { get; set; }

    public DateOnly EndOn { get; set; }

    public DateOnly? ReviewOn { get; set; }

    [ServerManaged]
    public ContractStatus Status { get; set; }

    public ICollection<Indicator> Indicators { get; } = [];
}
