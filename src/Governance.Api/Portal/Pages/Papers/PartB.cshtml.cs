using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Domain.Documents;
using Governance.Domain.Scrutiny;
using Governance.Reports.Documents;
using Governance.Reports.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Papers;

/// <summary>
/// An item's exempt appendix (Part B) as HTML, for those entitled to it. Entitlement is not decided here: the
/// published appendix is itself marked exempt for its committee, so whoever the exemption filter lets read that
/// document (officers, the committee's members in their term) reads this page; anyone else finds nothing (404).
/// </summary>
public sealed class PartBModel(GovernanceDbContext db, PaperDataLoader loader) : PageModel
{
    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var appendix = await db.PublishedDocuments.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.ExemptAppendix && d.SubjectType == nameof(AgendaItem) && d.SubjectId == id)
            .OrderByDescending(d => d.Version).Select(d => new { d.PublishedAt }).FirstOrDefaultAsync(ct);
        var item = await db.AgendaItems.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Title, a.PaperPublishedAt }).SingleOrDefaultAsync(ct);
        if (appendix is null || item is null || await loader.CommitteePaperAsync(id, ct) is not { } data || CommitteePaper.Exemptions(data).Count == 0)
            return NotFound();
        (Id, Title) = (id, item.Title);
        var dated = item.PaperPublishedAt ?? appendix.PublishedAt;
        Html = HtmlPaperWriter.Write(CommitteePaper.Build(data, PaperPart.B, new DateTimeOffset(dated, TimeSpan.Zero)));
        return Page();
    }
}
