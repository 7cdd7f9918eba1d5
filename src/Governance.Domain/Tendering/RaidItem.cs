using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering;

public enum RaidKind
{
    Risk,
    Assumption,
    Issue,
    Dependency,
}

public enum RaidRating
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>An entry in a procurement's RAID log; a dependency names the other programme it waits on.</summary>
public class RaidItem : ArchivableEntity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    public RaidKind Kind { get; set; }

    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    [MaxLength(2000)]
    public string? Description { get; set; }

    [Required, MaxLength(200)]
    public string Owner { get; set; } = "";

    public RaidRating Rating { get; set; }

    [MaxLength(2000)]
    public string? Mitigation { get; set; }

    [MaxLength(200)]
    public string? OtherProgramme { get; set; }

    public bool Closed { get; set; }
}
