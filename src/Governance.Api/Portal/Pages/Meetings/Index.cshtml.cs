using Governance.Api.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Meetings;

public sealed class MeetingsModel(GovernanceDbContext db) : PageModel
{
    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        Meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsAt)
            .Select(m => new MeetingRow(m.Id, m.Committee!.Name, m.StartsAt, m.Venue)).ToListAsync(ct);
        return Format is null ? Page() : CsvFile.Of("meetings.csv", ["Date and time (UK)", "Committee", "Venue", "Agenda"],
            Meetings.Select(m => (IReadOnlyList<string>)[PortalText.When(m.StartsAt), m.Committee, m.Venue, $"/meetings/{m.Id}"]));
    }
}
