using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Manage;

/// <summary>Democratic services' meetings: each with how its papers stand against their s.100B deadlines; a new meeting is added here.</summary>
public sealed class ManageMeetingsModel(GovernanceDbContext db, TimeProvider time) : ManagePageModel
{
    public sealed record Row(int Id, string Committee, DateTime StartsAt, int Items, int Published, int Late, int Overdue);

    public IReadOnlyList<Row> Meetings { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Committees { get; private set; } = [];

    [BindProperty]
    public int? Committee { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public TimeOnly? Time { get; set; }

    [BindProperty]
    public string? Venue { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Committee is not { } committee || !await db.Committees.AnyAsync(c => c.Id == committee, ct))
            Errors["committee"] = "Choose the committee";
        if (Date is null)
            Errors["date"] = "Enter the date of the meeting, for example 2027-03-16";
        if (Time is null)
            Errors["time"] = "Enter the time the meeting starts, for example 18:30";
        if (string.IsNullOrWhiteSpace(Venue))
            Errors["venue"] = "Enter where the meeting is held";
        else if (Venue.Length > 300)
            Errors["venue"] = "The venue must be 300 characters or fewer";
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Refused(StatusCodes.Status400BadRequest);
        }
        var meeting = new Meeting { CommitteeId = Committee!.Value, StartsAt = LondonTime.ToUtc(Date!.Value.ToDateTime(Time!.Value)), Venue = Venue!.Trim() };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Redirect($"/manage/meetings/{meeting.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        Committees = (await db.Committees.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        var meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsAt).Take(100)
            .Select(m => new { m.Id, Committee = m.Committee!.Name, m.StartsAt }).ToListAsync(ct);
        var ids = meetings.Select(m => m.Id).ToList();
        var items = (await db.AgendaItems.AsNoTracking().Where(a => ids.Contains(a.MeetingId))
            .Select(a => new { a.MeetingId, a.PaperPublishedAt, a.PublishedLate, a.PublicationDeadline }).ToListAsync(ct)).ToLookup(a => a.MeetingId);
        Meetings = meetings.Select(m => new Row(m.Id, m.Committee, m.StartsAt, items[m.Id].Count(), items[m.Id].Count(i => i.PaperPublishedAt is not null),
            items[m.Id].Count(i => i.PublishedLate), items[m.Id].Count(i => i.PaperPublishedAt is null && i.PublicationDeadline < today))).ToList();
    }
}
