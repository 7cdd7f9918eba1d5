using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering.Bids;

/// <summary>One evaluator's score of one bidder on one quality criterion, with the justification.</summary>
public class Score : Entity, IBidderRecord
{
    public int ProcurementId { get; set; }

    public int BidderId { get; set; }

    public int CriterionId { get; set; }

    [Range(0, 10)]
    public decimal Value { get; set; }

    [Required, MaxLength(4000)]
    public string Justification { get; set; } = "";

    [ServerManaged, MaxLength(256)]
    public string Evaluator { get; set; } = "";

    [ServerManaged]
    public DateTime ScoredAt { get; set; }
}

/// <summary>The consensus score the evaluators reached in moderation: what the ranking uses.</summary>
public class ModeratedScore : Entity, IBidderRecord
{
    public int ProcurementId { get; set; }

    public int BidderId { get; set; }

    public int CriterionId { get; set; }

    [Range(0, 10)]
    public decimal Value { get; set; }

    [Required, MaxLength(4000)]
    public string Rationale { get; set; } = "";

    [ServerManaged, MaxLength(256)]
    public string ModeratedBy { get; set; } = "";

    [ServerManaged]
    public DateTime ModeratedAt { get; set; }
}

/// <summary>An evaluator's declared conflict of interest with a bidder: they cannot score it.</summary>
public class ConflictDeclaration : Entity, IBidderRecord
{
    public int ProcurementId { get; set; }

    public int BidderId { get; set; }

    [Required, MaxLength(256)]
    public string Evaluator { get; set; } = "";

    [Required, MaxLength(2000)]
    public string Description { get; set; } = "";

    [ServerManaged]
    public DateTime DeclaredAt { get; set; }
}
