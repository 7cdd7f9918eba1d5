using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Tendering;

namespace Governance.Domain.Appraisal;

/// <summary>A part of an options appraisal (option, criterion, score, saving, risk).</summary>
public interface IAppraisalPart
{
    int OptionsAppraisalId { get; }
}

public enum AppraisalStatus
{
    Draft,
    Approved,
}

/// <summary>
/// The options appraisal and business case behind a procurement. It cannot be approved until an in-house
/// comparator has been scored on every criterion, like every other option, and a preferred option is named.
/// </summary>
public class OptionsAppraisal : Entity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    [MaxLength(4000)]
    public string? Summary { get; set; }

    public int? PreferredOptionId { get; set; }

    /// <summary>Why the preferred option was chosen when another option (the in-house comparator, say) scored higher.</summary>
    [MaxLength(4000)]
    public string? PreferenceRationale { get; set; }

    [ServerManaged]
    public AppraisalStatus Status { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? ApprovedBy { get; set; }

    [ServerManaged]
    public DateTime? ApprovedAt { get; set; }
}

public enum OptionKind
{
    Outsource,
    InHouse,
    Blended,
    DoNothing,
    Other,
}

public class AppraisalOption : Entity, IAppraisalPart
{
    public int OptionsAppraisalId { get; set; }

    [Required, MaxLength(200)]
    public string Name { get; set; } = "";

    public OptionKind Kind { get; set; }

    [MaxLength(4000)]
    public string? Description { get; set; }

    /// <summary>Whole-life cost in GBP.</summary>
    public decimal WholeLifeCost { get; set; }

    /// <summary>The in-house comparator every appraisal must score like the others.</summary>
    public bool IsInHouseComparator { get; set; }
}

public class AppraisalCriterion : Entity, IAppraisalPart
{
    public int OptionsAppraisalId { get; set; }

    [Required, MaxLength(300)]
    public string Name { get; set; } = "";

    [Range(0.01, 100)]
    public decimal Weight { get; set; }
}

public class OptionScore : Entity, IAppraisalPart
{
    public int OptionsAppraisalId { get; set; }

    public int AppraisalOptionId { get; set; }

    public int AppraisalCriterionId { get; set; }

    [Range(0, 10)]
    public decimal Value { get; set; }

    [Required, MaxLength(4000)]
    public string Rationale { get; set; } = "";
}

/// <summary>A claimed saving: never a bare number, always with its method, assumptions and evidence.</summary>
public class SavingsLine : Entity, IAppraisalPart
{
    public int OptionsAppraisalId { get; set; }

    public int? AppraisalOptionId { get; set; }

    [Required, MaxLength(300)]
    public string Description { get; set; } = "";

    public decimal AnnualAmount { get; set; }

    [Required, MaxLength(4000)]
    public string Method { get; set; } = "";

    [Required, MaxLength(4000)]
    public string Assumptions { get; set; } = "";

    [Required, MaxLength(4000)]
    public string Evidence { get; set; } = "";
}

public class AppraisalRisk : Entity, IAppraisalPart
{
    public int OptionsAppraisalId { get; set; }

    public int? AppraisalOptionId { get; set; }

    [Required, MaxLength(1000)]
    public string Description { get; set; } = "";

    public RaidRating Rating { get; set; }

    [MaxLength(2000)]
    public string? Mitigation { get; set; }
}
