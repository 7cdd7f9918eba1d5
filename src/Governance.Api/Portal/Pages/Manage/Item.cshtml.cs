using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Domain.Scrutiny;
using Governance.Reports.Documents;
using Governance.Reports.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Manage;

/// <summary>
/// An item's paper for democratic services: the officers' narrative by numbered section, a section added here
/// (checked as the API's PaperSections are), and a preview of Part A and, where something is exempt, Part B, from the
/// data as it stands, before anything is published.
/// </summary>
public sealed class ManageItemModel(GovernanceDbContext db, PaperDataLoader loader, TimeProvider time) : ManagePageModel
{
    public (int Id, int MeetingId, int Number, string Title) Item { get; private set; }

    public IReadOnlyList<PaperSection> Sections { get; private set; } = [];

    public string? PreviewA { get; private set; }

    public string? PreviewB { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Added { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int? number, string? subheading, string? body, CancellationToken ct)
    {
        if (!await db.AgendaItems.AnyAsync(a => a.Id == id, ct))
            return NotFound();
        if (number is not (>= 1 and <= 14))
            Errors["number"] = "Choose the section of the report, from 1 to 14";
        if (string.IsNullOrWhiteSpace(body))
            Errors["body"] = "Enter the section's text";
        else if (body.Length > PaperSection.MaxBodyLength)
            Errors["body"] = $"The text must be {PaperSection.MaxBodyLength:N0} characters or fewer";
        if (subheading?.Length > 300)
            Errors["subheading"] = "The subheading must be 300 characters or fewer";
        if (Errors.Count > 0)
            return await LoadAsync(id, ct) ? Refused(StatusCodes.Status400BadRequest) : NotFound();
        var order = await db.PaperSections.Where(s => s.AgendaItemId == id && s.Number == number).CountAsync(ct);
        db.PaperSections.Add(new PaperSection { AgendaItemId = id, Number = number!.Value, Subheading = string.IsNullOrWhiteSpace(subheading) ? null : subheading.Trim(), Body = body!.Trim(), Order = order });
        await db.SaveChangesAsync(ct);
        return Redirect($"/manage/items/{id}?added=true");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.MeetingId, a.Number, a.Title }).SingleOrDefaultAsync(ct);
        if (item is null)
            return false;
        Item = (item.Id, item.MeetingId, item.Number, item.Title);
        Sections = await db.PaperSections.AsNoTracking().Where(s => s.AgendaItemId == id && s.ArchivedAt == null).OrderBy(s => s.Number).ThenBy(s => s.Order).ToListAsync(ct);
        if (await loader.CommitteePaperAsync(id, ct) is { } data)
        {
            var now = time.GetUtcNow();
            PreviewA = HtmlPaperWriter.Write(CommitteePaper.Build(data, PaperPart.A, now), topLevel: 3);
            if (CommitteePaper.Exemptions(data).Count > 0)
                PreviewB = HtmlPaperWriter.Write(CommitteePaper.Build(data, PaperPart.B, now), topLevel: 3);
        }
        return true;
    }
}
