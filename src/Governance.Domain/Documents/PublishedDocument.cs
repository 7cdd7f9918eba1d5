using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Documents;

public enum DocumentKind
{
    /// <summary>Part A: the public committee paper.</summary>
    CommitteePaper,

    /// <summary>Part B: the exempt appendix, for entitled readers only.</summary>
    ExemptAppendix,
    EscalationReport,
    ContractAssessment,

    /// <summary>A meeting's public pack: the agenda front sheet and every item's Part A in one file.</summary>
    MeetingPack,
}

/// <summary>
/// A published PDF, immutable: its SHA-256 and publication time are fixed when it is written, and generating
/// again makes a new version beside it. The bytes live in <see cref="PublishedDocumentContent"/> so that
/// listings never load them.
/// </summary>
public class PublishedDocument : Entity
{
    [ServerManaged]
    public DocumentKind Kind { get; set; }

    /// <summary>AgendaItem, Escalation or Contract.</summary>
    [ServerManaged, MaxLength(64)]
    public string SubjectType { get; set; } = "";

    [ServerManaged]
    public int SubjectId { get; set; }

    /// <summary>1 for the first publication of this kind for this subject, then 2, 3 ...</summary>
    [ServerManaged]
    public int Version { get; set; }

    [ServerManaged, MaxLength(300)]
    public string Title { get; set; } = "";

    [ServerManaged, MaxLength(200)]
    public string FileName { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the PDF bytes.</summary>
    [ServerManaged, MaxLength(64)]
    public string Sha256 { get; set; } = "";

    [ServerManaged]
    public long SizeBytes { get; set; }

    [ServerManaged]
    public int PageCount { get; set; }

    [ServerManaged]
    public DateTime PublishedAt { get; set; }

    [ServerManaged, MaxLength(256)]
    public string PublishedBy { get; set; } = "";

    /// <summary>For an exempt appendix: the Schedule 12A paragraphs that apply, e.g. "3" or "3, 4".</summary>
    [ServerManaged, MaxLength(32)]
    public string? ExemptParagraphs { get; set; }

    /// <summary>
    /// The version of a paper that went out for its meeting: the last published before the meeting began; if none
    /// was (a paper tabled on the night or filed later), the first published after. Later versions are corrections.
    /// </summary>
    public static PublishedDocument? WentOutFor(IEnumerable<PublishedDocument> versions, DateTime meetingStartsAt)
    {
        var ordered = versions.OrderBy(v => v.Version).ToList();
        return ordered.LastOrDefault(v => v.PublishedAt <= meetingStartsAt) ?? ordered.FirstOrDefault();
    }
}

/// <summary>The bytes of a published document; written once with it, never updated.</summary>
public class PublishedDocumentContent
{
    public int PublishedDocumentId { get; set; }

    public PublishedDocument? Document { get; set; }

    public byte[] Bytes { get; set; } = [];
}
