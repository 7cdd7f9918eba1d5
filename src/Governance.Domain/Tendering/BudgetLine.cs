using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering;

/// <summary>An approved budget for a procurement (e.g. GBP 2.3m programme, GBP 1.2m document management) and the spend against it.</summary>
public class BudgetLine : ArchivableEntity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    [Required, MaxLength(200)]
    public string Name { get; set; } = "";

    [MaxLength(300)]
    public string? ApprovedBy { get; set; }

    [Range(0, 1e15, ErrorMessage = "Approved is an amount of GBP 0 or more.")]
    public decimal Approved { get; set; }

    [Range(0, 1e15, ErrorMessage = "Spent is an amount of GBP 0 or more.")]
    public decimal Spent { get; set; }
}
