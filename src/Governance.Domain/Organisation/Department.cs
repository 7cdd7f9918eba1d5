using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Organisation;

/// <summary>A council department or directorate; owns procurements and contracts, and gives or receives internal SLAs.</summary>
public class Department : ArchivableEntity
{
    [Required, MaxLength(32)]
    public string Code { get; set; } = "";

    [Required, MaxLength(200)]
    public string Name { get; set; } = "";

    [MaxLength(200)]
    public string? Directorate { get; set; }

    [MaxLength(200)]
    public string? HeadOfService { get; set; }

    [MaxLength(200)]
    public string? Director { get; set; }
}
