using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Scrutiny;

/// <summary>
/// A record marked exempt under Local Government Act 1972 Schedule 12A, with its paragraph and the public
/// interest test. Members of the named committee see it for their meetings; other councillors, union
/// representatives and the public never do. Unmarking archives the marking.
/// </summary>
public class ExemptionMarking : ArchivableEntity
{
    public static readonly IReadOnlyDictionary<int, string> Paragraphs = new Dictionary<int, string>
    {
        [1] = "Information relating to any individual",
        [2] = "Information likely to reveal the identity of an individual",
        [3] = "Information relating to the financial or business affairs of any particular person (including the authority holding that information)",
        [4] = "Information relating to consultations or negotiations in connection with labour relations matters",
        [5] = "Information in respect of which a claim to legal professional privilege could be maintained",
        [6] = "Information revealing that the authority proposes to give a notice or make an order or direction",
        [7] = "Information relating to the prevention, investigation or prosecution of crime",
    };

    /// <summary>The entity type of the exempt record, e.g. AgendaItem or Indicator.</summary>
    [Required, MaxLength(64)]
    public string EntityType { get; set; } = "";

    public int EntityKey { get; set; }

    [Range(1, 7)]
    public int Paragraph { get; set; }

    /// <summary>Why the public interest in keeping it exempt outweighs the interest in disclosing it.</summary>
    [Required, MaxLength(4000)]
    public string PublicInterestTest { get; set; } = "";

    /// <summary>The committee whose members may see it.</summary>
    public int CommitteeId { get; set; }

    [ServerManaged, MaxLength(256)]
    public string MarkedBy { get; set; } = "";

    [ServerManaged]
    public DateTime MarkedAt { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? UnmarkedBy { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? UnmarkReason { get; set; }

    /// <summary>
    /// The proper officer's decision that the record is no longer exempt: recorded with who and why, the marking kept
    /// (archived) so that the history of markings stays.
    /// </summary>
    public void Unmark(string? reason, string by, DateTime nowUtc)
    {
        if (ArchivedAt is not null)
            throw new BusinessRuleException("marking-removed", "This marking was already removed.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Say why the information is no longer exempt.", isInvalidInput: true);
        (UnmarkedBy, UnmarkReason) = (by, reason.Trim());
        Archive(nowUtc);
    }
}
