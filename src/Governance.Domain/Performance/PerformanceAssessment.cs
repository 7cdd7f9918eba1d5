using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Performance;

public enum AssessmentOccasion
{
    /// <summary>At least every 12 months (s.71(2)).</summary>
    Annual,

    /// <summary>On termination of the contract (s.71(2)).</summary>
    Termination,
}

/// <summary>
/// A published contract performance assessment (UK9): the rating, its basis, the policy it was rated under and the
/// evidence, frozen when published. A later change of KPI definition or policy never re-rates it.
/// </summary>
public class PerformanceAssessment : ILogRow
{
    public long Id { get; set; }

    public int ContractId { get; set; }

    public int Year { get; set; }

    public AssessmentOccasion Occasion { get; set; }

    public PerformanceRating Rating { get; set; }

    public decimal AverageScore { get; set; }

    [MaxLength(4000)]
    public string Basis { get; set; } = "";

    [MaxLength(2000)]
    public string Policy { get; set; } = "";

    /// <summary>The assessment as published (periods, KPI ratings, flags), as JSON.</summary>
    public string Evidence { get; set; } = "{}";

    public int? PublishedDocumentId { get; set; }

    [MaxLength(256)]
    public string PublishedBy { get; set; } = "";

    public DateTime PublishedAt { get; set; }
}
