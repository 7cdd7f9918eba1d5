using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering.Bids;

public enum CriterionKind
{
    Quality,
    Price,
}

/// <summary>
/// A criterion and its weight for one stage, stated before that stage opens (reg 66). The weights of a stage sum
/// to 100, which gives its quality/price split.
/// </summary>
public class EvaluationCriterion : Entity, IProcurementRecord
{
    public const decimal MaxScore = 10m;

    public int ProcurementId { get; set; }

    public ProcurementStage Stage { get; set; }

    [Required, MaxLength(300)]
    public string Name { get; set; } = "";

    [MaxLength(2000)]
    public string? Description { get; set; }

    public CriterionKind Kind { get; set; }

    [Range(0.01, 100)]
    public decimal Weight { get; set; }

    [ServerManaged]
    public DateTime RecordedAt { get; set; }
}
