using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Api.OData;
using Governance.Domain.Calendar;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

public sealed class MeetingsController(GovernanceDbContext db, TimeProvider time, MeetingPacks packs, StatutoryClocks clocks) : EditableEntitySetController<Meeting>(db, time)
{
    /// <summary>A meeting moved to another day takes its items' paper deadlines with it (AgendaItem.ScheduleFor), in the same save.</summary>
    protected override async Task<IActionResult?> BeforeUpdateAsync(Meeting entity, CancellationToken ct)
    {
        var startsAt = Db.Entry(entity).Property(m => m.StartsAt);
        if (LondonTime.DateOf(startsAt.OriginalValue) == LondonTime.DateOf(startsAt.CurrentValue))
            return null;
        var day = LondonTime.DateOf(entity.StartsAt);
        foreach (var item in await Db.AgendaItems.IgnoreQueryFilters([ExemptionFilter.Name]).Where(a => a.MeetingId == entity.Id).ToListAsync(ct))
            item.ScheduleFor(day, clocks);
        return null;
    }

    /// <summary>
    /// POST /odata/Meetings(1)/Governance.GeneratePack — queues the whole pack (each item's Part A, and Part B where needed) as a
    /// background job; answers 202 with the job, whose progress is read at /odata/DocumentJobs(id).
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> GeneratePack([FromODataUri] int key, CancellationToken ct)
    {
        if (!Auth.AccessRules.CanWrite("AgendaItems", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "agenda-write", "Democratic services publish papers.");
        var job = await packs.QueueAsync(key, User.Identity?.Name ?? "", ct);
        if (job is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Meeting {key} does not exist.");
        Response.Headers.Location = $"/odata/DocumentJobs({job.Id})";
        return StatusCode(StatusCodes.Status202Accepted, job);
    }
}
