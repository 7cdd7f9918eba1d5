using Governance.Api.Data;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Meetings;

/// <summary>
/// A meeting and its agenda. Items and decisions are read through the exemption filter, as the API reads them: a
/// visitor sees what the public may see, a signed-in councillor what their membership entitles them to.
/// </summary>
public sealed class MeetingModel(GovernanceDbContext db) : PageModel
{
    public MeetingRow Meeting { get; private set; } = null!;

    public IReadOnlyList<AgendaItem> Items { get; private set; } = [];

    private ILookup<int, Decision> decisions = Array.Empty<Decision>().ToLookup(d => d.AgendaItemId);

    public IEnumerable<Decision> DecisionsOf(int itemId) => decisions[itemId];

    /// <summary>Whether the combined pack has been published, to link it.</summary>
    public bool HasPack { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // The meeting and whether its pack is out, in one query.
        var found = await db.Meetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new
            {
                Row = new MeetingRow(m.Id, m.Committee!.Name, m.StartsAt, m.Venue),
                HasPack = db.PublishedDocuments.Any(d => d.Kind == Domain.Documents.DocumentKind.MeetingPack && d.SubjectType == nameof(Domain.Scrutiny.Meeting) && d.SubjectId == m.Id),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
            return NotFound();
        (Meeting, HasPack) = (found.Row, found.HasPack);
        Items = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Number).ToListAsync(ct);
        var ids = Items.Select(i => i.Id).ToList();
        decisions = (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.AgendaItemId)).OrderBy(d => d.DecidedOn).ToListAsync(ct)).ToLookup(d => d.AgendaItemId);
        return Page();
    }
}
