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

    /// <summary>1 for the first score of this evaluator, criterion and bidder; each change is a new version.</summary>
    [ServerManaged]
    public int Version { get; set; }

    /// <summary>Why a later version replaces the one before.</summary>
    [MaxLength(2000)]
    public string? ChangeReason { get; set; }

    /// <summary>Set when the evaluator declares a conflict with the bidder: the score is kept, but counts for nothing.</summary>
    [ServerManaged]
    public DateTime? VoidedAt { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? VoidReason { get; set; }

    public bool IsVoid => VoidedAt is not null;

    /// <summary>The evaluator declared a conflict with this bidder: the score stays on the record, marked void with the declaration.</summary>
    public void Void(ConflictDeclaration declaration)
    {
        if (IsVoid)
            return;
        VoidedAt = declaration.DeclaredAt;
        VoidReason = $"Conflict of interest declared: {declaration.Description}";
    }

    /// <summary>Each evaluator's live score among these (of one criterion and bidder): their latest version.</summary>
    public static IEnumerable<Score> Live(IEnumerable<Score> scores) => scores.GroupBy(s => s.Evaluator).Select(g => g.MaxBy(s => s.Version)!);

    /// <summary>
    /// The version a new score takes. Rule <c>one-live-score</c>: an evaluator holds one live score per criterion
    /// and bidder; a change is a new version that says why. Rule <c>score-range</c>: 0 to 10.
    /// </summary>
    public static int NextVersion(IEnumerable<Score> earlier, decimal value, string? changeReason)
    {
        if (value is < 0 or > EvaluationCriterion.MaxScore)
            throw new BusinessRuleException("score-range", $"A score is from 0 to {EvaluationCriterion.MaxScore}.", isInvalidInput: true);
        var latest = earlier.Select(s => s.Version).DefaultIfEmpty(0).Max();
        if (latest > 0 && string.IsNullOrWhiteSpace(changeReason))
        {
            throw new BusinessRuleException("one-live-score",
                $"You have already scored this bidder on this criterion (version {latest}); a change is a new version: give the ChangeReason.");
        }

        return latest + 1;
    }
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

    /// <summary>1 for the first moderated score of a bidder on a criterion; a correction is a new version.</summary>
    [ServerManaged]
    public int Version { get; set; }

    /// <summary>Why a correction replaces the version before.</summary>
    [MaxLength(2000)]
    public string? ChangeReason { get; set; }

    /// <summary>
    /// The version a moderated score takes. Rule <c>moderation-needs-scores</c>: moderation settles individual
    /// scores, so at least one live, non-void individual score must stand behind it. Rule
    /// <c>moderation-correction</c>: a second moderated score is a correction and says why.
    /// </summary>
    public static int NextVersion(IEnumerable<ModeratedScore> earlier, IEnumerable<Score> individual, decimal value, string? changeReason)
    {
        if (value is < 0 or > EvaluationCriterion.MaxScore)
            throw new BusinessRuleException("score-range", $"A score is from 0 to {EvaluationCriterion.MaxScore}.", isInvalidInput: true);
        if (!individual.Any(s => !s.IsVoid))
            throw new BusinessRuleException("moderation-needs-scores", "No evaluator's live score stands behind this moderated score: evaluators score first, then moderation settles their scores.");
        var latest = earlier.Select(s => s.Version).DefaultIfEmpty(0).Max();
        if (latest > 0 && string.IsNullOrWhiteSpace(changeReason))
            throw new BusinessRuleException("moderation-correction", $"This bidder already has a moderated score on this criterion (version {latest}); a correction is a new version: give the ChangeReason.");
        return latest + 1;
    }

    /// <summary>The live moderated scores: the latest version of each bidder and criterion.</summary>
    public static IReadOnlyList<ModeratedScore> Latest(IEnumerable<ModeratedScore> all) =>
        [.. all.GroupBy(m => (m.BidderId, m.CriterionId)).Select(g => g.MaxBy(m => m.Version)!)];
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
