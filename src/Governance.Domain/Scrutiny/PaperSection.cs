using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Scrutiny;

/// <summary>
/// An officer's narrative for one of the fourteen numbered sections of a committee paper, in plain paragraphs
/// (a blank line between them) with light markup: **bold**, *italic*, "- " bullets and "### " subheadings.
/// Each paragraph is numbered in the paper (3.1, 3.2 ...); data sections follow the narrative. A section marked
/// exempt (an ExemptionMarking on PaperSection) moves to the Part B appendix.
/// </summary>
public class PaperSection : ArchivableEntity
{
    public const int MaxBodyLength = 40_000;

    public int AgendaItemId { get; set; }

    /// <summary>1 (purpose and executive summary) to 14 (background papers).</summary>
    [Range(1, 14)]
    public int Number { get; set; }

    /// <summary>An optional subheading within the section, e.g. "Pathfinder areas".</summary>
    [MaxLength(200)]
    public string? Subheading { get; set; }

    /// <summary>Orders several pieces of narrative within one section.</summary>
    public int Order { get; set; }

    [Required, MaxLength(MaxBodyLength)]
    public string Body { get; set; } = "";
}
