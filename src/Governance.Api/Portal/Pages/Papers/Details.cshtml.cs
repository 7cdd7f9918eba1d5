using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Reports.Documents;
using Governance.Reports.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Papers;

/// <summary>
/// An agenda item's public paper (Part A) as HTML, from the same document model as its PDF
/// (<see cref="CommitteePaper.Build"/>, written by <see cref="HtmlPaperWriter"/>): the accessible version. The item
/// is read through the exemption filter (an exempt item is not found), and the paper shows only once published.
/// </summary>
public sealed class PaperModel(GovernanceDbContext db, PaperDataLoader loader) : PageModel
{
    public string Title { get; private set; } = "";

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    /// <summary>The paper's HTML, encoded by the writer; null until the paper is published.</summary>
    public string? Html { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Title, a.MeetingId, a.PaperPublishedAt }).SingleOrDefaultAsync(ct);
        if (item is null)
            return NotFound();
        (Id, Title, MeetingId, PublishedAt) = (id, item.Title, item.MeetingId, item.PaperPublishedAt);
        if (item.PaperPublishedAt is { } published && await loader.CommitteePaperAsync(id, ct) is { } data)
            Html = HtmlPaperWriter.Write(CommitteePaper.Build(data, PaperPart.A, new DateTimeOffset(published, TimeSpan.Zero)));
        return Page();
    }
}
