using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering;

/// <summary>The service description, refined through dialogue: each refinement is a new version that supersedes the last.</summary>
public class RequirementDocument : Entity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    [Required, MaxLength(100_000)]
    public string Content { get; set; } = "";

    [ServerManaged]
    public int Version { get; set; }

    public int? SupersedesId { get; set; }

    [ServerManaged, MaxLength(256)]
    public string CreatedBy { get; set; } = "";

    [ServerManaged]
    public DateTime CreatedAt { get; set; }
}
