using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering;

/// <summary>A part of a procurement's scope, e.g. the pathfinder service areas.</summary>
public class Lot : ArchivableEntity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    [Required, MaxLength(200)]
    public string Name { get; set; } = "";

    [MaxLength(2000)]
    public string? Description { get; set; }
}
