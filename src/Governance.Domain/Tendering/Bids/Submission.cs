using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering.Bids;

public enum SubmissionKind
{
    /// <summary>The bid itself, before the stage's deadline.</summary>
    Original,

    /// <summary>After dialogue closes (reg 30(16)): clarifying a final tender without changing its essential aspects.</summary>
    Clarification,
    Specification,
    Optimisation,

    /// <summary>With the preferred bidder (reg 30(17)): confirming financial commitments, nothing else.</summary>
    FinancialConfirmation,
}

/// <summary>
/// A bidder's submission at a stage (outline solutions, detailed solutions, final tender). Sealed until the
/// stage's deadline: nobody on the council side reads it before. Append-only: a change is a new version.
/// </summary>
public class Submission : Entity, IBidderRecord
{
    public int ProcurementId { get; set; }

    public int BidderId { get; set; }

    public ProcurementStage Stage { get; set; }

    public SubmissionKind Kind { get; set; }

    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    /// <summary>The solution as submitted (or a reference to its documents).</summary>
    [Required, MaxLength(100_000)]
    public string Document { get; set; } = "";

    /// <summary>Whole-life price in GBP, VAT exclusive.</summary>
    public decimal Price { get; set; }

    /// <summary>Why a post-deadline change is only a clarification, specification, optimisation or confirmation.</summary>
    [MaxLength(2000)]
    public string? Justification { get; set; }

    /// <summary>After the final-tender deadline: the council's change request this change answers.</summary>
    public int? ChangeRequestId { get; set; }

    [ServerManaged]
    public int Version { get; set; }

    [ServerManaged]
    public DateTime SubmittedAt { get; set; }

    [ServerManaged, MaxLength(256)]
    public string SubmittedBy { get; set; } = "";
}
