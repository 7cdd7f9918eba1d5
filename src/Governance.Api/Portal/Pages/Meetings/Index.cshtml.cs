using Governance.Api.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Meetings;

public sealed class MeetingsModel(GovernanceDbContext db) : PageModel
{
    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsAt)
            .Select(m => new MeetingRow(m.Id, m.Committee!.Name, m.StartsAt, m.Venue)).ToListAsync(ct);
}
