using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Documents;
using Governance.Domain.Scrutiny;
using Governance.Reports.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Manage;

/// <summary>
/// One meeting for democratic services: its items against their publication deadlines, each paper's Part A and B
/// published (CommitteePapers, as the API's GeneratePaper), the pack queued (MeetingPacks, as GeneratePack), items
/// added (AgendaItem.ScheduleFor), decisions recorded (Decision.Publish) and call-ins considered (Decision.ConsiderCallIn).
/// </summary>
public sealed class ManageMeetingModel(GovernanceDbContext db, TimeProvider time, StatutoryClocks clocks, CommitteePapers papers, MeetingPacks packs) : ManagePageModel
{
    public sealed record ItemRow(AgendaItem Item, IReadOnlyList<PublishedDocument> Documents, IReadOnlyList<Decision> Decisions);

    public (int Id, string Committee, DateTime StartsAt, string Venue) Meeting { get; private set; }

    public IReadOnlyList<ItemRow> Items { get; private set; } = [];

    public IReadOnlyList<DocumentJob> Jobs { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Publishes Part A or Part B of an item's paper from the data as it stands (as at the meeting).</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, int item, string part, CancellationToken ct)
    {
        if (!await db.AgendaItems.AnyAsync(a => a.Id == item && a.MeetingId == id, ct) || !Enum.TryParse<PaperPart>(part, out var which))
            return NotFound();
        try
        {
            await papers.PublishAsync(item, which, Actor, ct);
        }
        catch (BusinessRuleException refused)
        {
            return await RefusedAsync(id, $"item-{item}", refused.Message, refused.IsInvalidInput, ct);
        }
        return Redirect($"/manage/meetings/{id}?done=published#item-{item}");
    }

    public async Task<IActionResult> OnPostPackAsync(int id, CancellationToken ct)
    {
        try
        {
            if (await packs.QueueAsync(id, Actor, ct) is null)
                return NotFound();
        }
        catch (BusinessRuleException refused)
        {
            return await RefusedAsync(id, "pack", refused.Message, refused.IsInvalidInput, ct);
        }
        return Redirect($"/manage/meetings/{id}?done=pack#pack");
    }

    public async Task<IActionResult> OnPostItemAsync(int id, int? number, string? title, string? leadOfficer, CancellationToken ct)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
            return NotFound();
        if (number is not (>= 1 and <= 999))
            Errors["number"] = "Enter the item's number on the agenda, from 1 to 999";
        if (string.IsNullOrWhiteSpace(title))
            Errors["title"] = "Enter the item's title";
        else if (title.Length > 300)
            Errors["title"] = "The title must be 300 characters or fewer";
        if (Errors.Count > 0)
            return await LoadAsync(id, ct) ? Refused(StatusCodes.Status400BadRequest) : NotFound();
        var item = new AgendaItem { MeetingId = id, Number = number!.Value, Title = title!.Trim(), LeadOfficer = string.IsNullOrWhiteSpace(leadOfficer) ? null : leadOfficer.Trim() };
        item.ScheduleFor(LondonTime.DateOf(meeting.StartsAt), clocks);
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(ct);
        return Redirect($"/manage/meetings/{id}?done=item#item-{item.Id}");
    }

    public async Task<IActionResult> OnPostDecisionAsync(int id, int item, string? outcome, int? votesFor, int? votesAgainst, int? abstentions, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null || !await db.AgendaItems.AnyAsync(a => a.Id == item && a.MeetingId == id, ct))
            return NotFound();
        if (string.IsNullOrWhiteSpace(outcome))
            Errors[$"outcome-{item}"] = "Enter what the committee decided";
        else if (outcome.Length > 4000)
            Errors[$"outcome-{item}"] = "The decision must be 4,000 characters or fewer";
        if (votesFor is not (>= 0 and <= 10_000) || votesAgainst is not (>= 0 and <= 10_000) || abstentions is not (>= 0 and <= 10_000))
            Errors[$"votes-{item}"] = "Enter the votes for, against and abstaining as whole numbers, 0 or more";
        if (Errors.Count > 0)
            return await LoadAsync(id, ct) ? Refused(StatusCodes.Status400BadRequest) : NotFound();
        var decision = new Decision
        {
            AgendaItemId = item, Outcome = outcome!.Trim(), VotesFor = votesFor!.Value, VotesAgainst = votesAgainst!.Value, Abstentions = abstentions!.Value,
            DecidedOn = LondonTime.DateOf(meeting.StartsAt),
        };
        decision.Publish(LondonTime.DateOf(time.GetUtcNow().UtcDateTime), clocks.Days);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return Redirect($"/manage/meetings/{id}?done=decision#item-{item}");
    }

    public async Task<IActionResult> OnPostCallInAsync(int id, int decision, bool? referBack, string? minute, CancellationToken ct)
    {
        var called = await db.Decisions.SingleOrDefaultAsync(d => d.Id == decision && db.AgendaItems.Any(a => a.Id == d.AgendaItemId && a.MeetingId == id), ct);
        if (called is null)
            return NotFound();
        if (referBack is null)
        {
            Errors[$"referBack-{decision}"] = "Choose whether the committee let the decision stand or referred it back";
            return await LoadAsync(id, ct) ? Refused(StatusCodes.Status400BadRequest) : NotFound();
        }
        try
        {
            called.ConsiderCallIn(referBack.Value, minute ?? "", LondonTime.DateOf(time.GetUtcNow().UtcDateTime));
        }
        catch (BusinessRuleException refused)
        {
            return await RefusedAsync(id, $"minute-{decision}", refused.Rule == "reason-required" ? "Enter the committee's minute on the call-in" : refused.Message, refused.IsInvalidInput, ct);
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"/manage/meetings/{id}?done=callin");
    }

    private async Task<IActionResult> RefusedAsync(int id, string field, string message, bool invalidInput, CancellationToken ct)
    {
        Errors[field] = message;
        return await LoadAsync(id, ct) ? Refused(invalidInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict) : NotFound();
    }

    /// <summary>What the officer sees; read past nothing: the exemption filter lets officers read exempt items, as in the API.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Id, Committee = m.Committee!.Name, m.StartsAt, m.Venue }).SingleOrDefaultAsync(ct);
        if (meeting is null)
            return false;
        Meeting = (meeting.Id, meeting.Committee, meeting.StartsAt, meeting.Venue);
        Today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var items = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Number).ThenBy(a => a.Id).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var documents = (await db.PublishedDocuments.AsNoTracking().Where(d => d.SubjectType == nameof(AgendaItem) && ids.Contains(d.SubjectId))
            .OrderBy(d => d.Kind).ThenByDescending(d => d.Version).ToListAsync(ct)).ToLookup(d => d.SubjectId);
        var decisions = (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.AgendaItemId)).OrderBy(d => d.Id).ToListAsync(ct)).ToLookup(d => d.AgendaItemId);
        Items = items.Select(i => new ItemRow(i, documents[i.Id].ToList(), decisions[i.Id].ToList())).ToList();
        Jobs = await db.DocumentJobs.AsNoTracking().Where(j => j.MeetingId == id).OrderByDescending(j => j.Id).Take(5).ToListAsync(ct);
        return true;
    }

    /// <summary>The version of a paper that went out for this meeting (PublishedDocument.WentOutFor), to mark it.</summary>
    public bool WentOut(ItemRow row, PublishedDocument document) =>
        PublishedDocument.WentOutFor(row.Documents.Where(d => d.Kind == document.Kind), Meeting.StartsAt)?.Id == document.Id;

    /// <summary>An item's paper against its s.100B deadline, in words and as a tag colour (never colour alone).</summary>
    public (string Text, string Tag) PaperState(AgendaItem item) => item.PaperPublishedAt switch
    {
        { } at when item.PublishedLate => ($"Published late, {PortalText.When(at)} (deadline {PortalText.Day(item.PublicationDeadline)})", "govuk-tag--orange"),
        { } at => ($"Published {PortalText.When(at)}", "govuk-tag--green"),
        null when Today > item.PublicationDeadline => ($"Overdue: the deadline was {PortalText.Day(item.PublicationDeadline)}", "govuk-tag--red"),
        _ => ($"Due by {PortalText.Day(item.PublicationDeadline)}", "govuk-tag--grey"),
    };
}
