using Governance.Api.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages;

public sealed class IndexModel(GovernanceDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<MeetingRow> Coming { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Coming = await db.Meetings.AsNoTracking().Where(m => m.StartsAt >= now).OrderBy(m => m.StartsAt).Take(5)
            .Select(m => new MeetingRow(m.Id, m.Committee!.Name, m.StartsAt, m.Venue)).ToListAsync(ct);
    }
}

public sealed record MeetingRow(int Id, string Committee, DateTime StartsAt, string Venue);
