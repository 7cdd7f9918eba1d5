using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Committees;

/// <summary>A committee, its members sitting today (Member.SitsOn, the rule the exemption filter uses), and its meetings.</summary>
public sealed class CommitteeModel(GovernanceDbContext db, TimeProvider time) : PageModel
{
    public string Name { get; private set; } = "";

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Committees.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(ct) is not { } name)
            return NotFound();
        Name = name;
        var today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        Members = (await db.Set<Member>().AsNoTracking().Where(m => m.CommitteeId == id).OrderBy(m => m.Role).ThenBy(m => m.Name).ToListAsync(ct))
            .Where(m => m.SitsOn(today)).ToList();
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.CommitteeId == id).OrderByDescending(m => m.StartsAt)
            .Select(m => new MeetingRow(m.Id, name, m.StartsAt, m.Venue)).ToListAsync(ct);
        return Page();
    }
}
