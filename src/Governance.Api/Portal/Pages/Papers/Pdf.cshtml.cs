using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Domain.Documents;
using Governance.Domain.Scrutiny;
using Governance.Reports.Documents;
using Governance.Reports.Layout;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Papers;

/// <summary>
/// An item's public paper (Part A) as a PDF, beside its HTML page: the version that went out for the meeting
/// (PublishedDocument.WentOutFor), byte for byte as filed; for a paper published before papers were filed (the seed's history), the same paper rendered from the same
/// data as at its meeting, which renders to the same bytes every time.
/// </summary>
public sealed class PaperPdfModel(GovernanceDbContext db, PaperDataLoader loader, PdfRenderer renderer) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Title, a.PaperPublishedAt, StartsAt = db.Meetings.Where(m => m.Id == a.MeetingId).Select(m => m.StartsAt).First() }).SingleOrDefaultAsync(ct);
        if (item?.PaperPublishedAt is not { } published)
            return NotFound();
        var filed = PublishedDocument.WentOutFor(await db.PublishedDocuments.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.CommitteePaper && d.SubjectType == nameof(AgendaItem) && d.SubjectId == id).ToListAsync(ct), item.StartsAt);
        if (filed is not null)
        {
            var bytes = await db.PublishedDocumentContents.AsNoTracking().Where(c => c.PublishedDocumentId == filed.Id).Select(c => c.Bytes).SingleAsync(ct);
            return File(bytes, "application/pdf", filed.FileName);
        }
        if (await loader.CommitteePaperAsync(id, ct) is not { } data)
            return NotFound();
        var rendered = renderer.RenderToBytes(CommitteePaper.Build(data, PaperPart.A, new DateTimeOffset(published, TimeSpan.Zero)));
        return File(rendered, "application/pdf", $"agenda-item-{id}-part-a.pdf");
    }
}
