using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Tendering;

/// <summary>A tender run by the council. Its public summary is readable by councillors and unions; bids are not.</summary>
public class Procurement : ArchivableEntity
{
    [Required, MaxLength(32)]
    public string Reference { get; set; } = "";

    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    [MaxLength(4000)]
    public string? Description { get; set; }

    public int DepartmentId { get; set; }

    public Department? Department { get; set; }

    [MaxLength(200)]
    public string? LeadOfficer { get; set; }

    [MaxLength(200)]
    public string? LeadMember { get; set; }

    public ProcurementProcedure Procedure { get; set; }

    /// <summary>Moved only by the procurement's workflow, never by a free-form update.</summary>
    [ServerManaged]
    public ProcurementStage Stage { get; set; }

    /// <summary>Estimated whole-life value in GBP, VAT inclusive.</summary>
    public decimal EstimatedValue { get; set; }

    public DateOnly? ContractNoticeSentOn { get; set; }
}
