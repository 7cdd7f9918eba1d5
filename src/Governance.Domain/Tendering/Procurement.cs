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

    /// <summary>The date the contract notice (PCR 2015) or tender notice (PA 2023) was sent.</summary>
    public DateOnly? ContractNoticeSentOn { get; set; }

    /// <summary>Last day for requests to participate: at least 30 days after the contract notice (reg 30).</summary>
    public DateOnly? ParticipationDeadline { get; set; }

    public PriceScoringMethod PriceScoringMethod { get; set; }

    /// <summary>Why fewer than three candidates were invited, when that happened (reg 65).</summary>
    [ServerManaged, MaxLength(2000)]
    public string? ShortlistReason { get; set; }

    public ICollection<ProcurementStageDate> Stages { get; } = [];
}

/// <summary>How price scores are computed, recorded before evaluation.</summary>
public enum PriceScoringMethod
{
    /// <summary>Price score = lowest price / this price x the price weight.</summary>
    LowestPriceRelative,

    /// <summary>Price score = the price weight x (1 - (this price - lowest) / lowest), floored at zero.</summary>
    DifferenceFromLowest,
}
