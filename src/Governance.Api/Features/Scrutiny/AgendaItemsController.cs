using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Api.OData;
using Governance.Domain.Calendar;
using Governance.Domain.Scrutiny;
using Governance.Reports.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.AspNetCore.OData.Deltas;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

/// <summary>Agenda items carry their s.100B publication deadline; publishing the paper records whether it was late.</summary>
public sealed class AgendaItemsController(GovernanceDbContext db, TimeProvider time, StatutoryClocks clocks, CommitteePapers papers) : EditableEntitySetController<AgendaItem>(db, time)
{
    private static readonly string[] Subjects = ["Procurement", "Contract", "Escalation", "OptionsAppraisal"];

    protected override Task<IActionResult?> BeforeCreateAsync(AgendaItem entity, CancellationToken ct) => PrepareAsync(entity, ct);

    protected override Task<IActionResult?> BeforeUpdateAsync(AgendaItem entity, CancellationToken ct) => PrepareAsync(entity, ct);

    /// <summary>POST /odata/AgendaItems(1)/Governance.PublishPaper — the paper is open to inspection from now.</summary>
    [HttpPost]
    public async Task<IActionResult> PublishPaper([FromODataUri] int key, CancellationToken ct)
    {
        if (!Auth.AccessRules.CanWrite("AgendaItems", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "agenda-write", "Democratic services publish papers.");
        var item = await Db.AgendaItems.SingleOrDefaultAsync(a => a.Id == key, ct);
        if (item is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"AgendaItem {key} does not exist.");
        item.MarkPaperPublished(Time.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(ct);
        return Ok(item);
    }

    /// <summary>
    /// POST /odata/AgendaItems(1)/Governance.GeneratePaper { "Part": "A" } — renders the paper from live data, files it as a new
    /// published version and returns the PDF. Part A is public; Part B, the exempt appendix, exists only when something is exempt.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> GeneratePaper([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!Auth.AccessRules.CanWrite("AgendaItems", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "agenda-write", "Democratic services publish papers.");
        var requested = parameters?.GetValueOrDefault("Part") as string ?? "A";
        if (!Enum.TryParse<PaperPart>(requested, ignoreCase: true, out var part) || !Enum.IsDefined(part))
            return ODataErrors.BadRequest("paper-part", $"Part is \"A\" (the public paper) or \"B\" (the exempt appendix), not \"{requested}\".");
        var outcome = await papers.PublishAsync(key, part, User.Identity?.Name ?? "", ct);
        return outcome is null
            ? ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"AgendaItem {key} does not exist.")
            : this.Pdf(outcome.Document, outcome.Bytes);
    }

    private async Task<IActionResult?> PrepareAsync(AgendaItem entity, CancellationToken ct)
    {
        if ((entity.SubjectType is null) != (entity.SubjectId is null) || (entity.SubjectType is not null && !Subjects.Contains(entity.SubjectType)))
            return ODataErrors.BadRequest("agenda-subject", $"An agenda item is about one of {string.Join(", ", Subjects)} (SubjectType and SubjectId), or nothing.");
        var meeting = await Db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == entity.MeetingId, ct);
        if (meeting is null)
            return ODataErrors.BadRequest("UnknownReference", $"MeetingId {entity.MeetingId} does not refer to an existing Meeting.");
        entity.ScheduleFor(LondonTime.DateOf(meeting.StartsAt), clocks);
        return null;
    }
}
