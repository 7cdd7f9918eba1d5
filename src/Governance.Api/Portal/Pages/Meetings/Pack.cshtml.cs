using Governance.Api.Data;
using Governance.Domain.Documents;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Meetings;

/// <summary>A meeting's public pack (front sheet and every Part A) as one PDF: the version that went out for the meeting.</summary>
public sealed class MeetingPackModel(GovernanceDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var startsAt = await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => (DateTime?)m.StartsAt).SingleOrDefaultAsync(ct);
        if (startsAt is null)
            return NotFound();
        var pack = PublishedDocument.WentOutFor(await db.PublishedDocuments.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.MeetingPack && d.SubjectType == nameof(Meeting) && d.SubjectId == id).ToListAsync(ct), startsAt.Value);
        if (pack is null)
            return NotFound();
        var bytes = await db.PublishedDocumentContents.AsNoTracking().Where(c => c.PublishedDocumentId == pack.Id).Select(c => c.Bytes).SingleAsync(ct);
        return File(bytes, "application/pdf", pack.FileName);
    }
}
