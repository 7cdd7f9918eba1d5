using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

/// <summary>
/// Marking a record exempt (Schedule 12A paragraph, public interest test, committee) and unmarking it are decisions of
/// the proper officer: democratic services or the monitoring officer (a statutory officer). Unmarking is the named
/// action Unmark with a reason, which keeps the marking (archived) as history; DELETE is refused.
/// </summary>
public sealed class ExemptionMarkingsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<ExemptionMarking>(db, time)
{
    protected override Task<IActionResult?> BeforeArchiveAsync(ExemptionMarking entity, CancellationToken ct) =>
        Task.FromResult<IActionResult?>(ODataErrors.Error(StatusCodes.Status405MethodNotAllowed, "unmark-with-reason",
            $"A marking is removed by the proper officer's decision: POST /odata/ExemptionMarkings({entity.Id})/Governance.Unmark {{ \"Reason\": \"...\" }}."));

    /// <summary>POST /odata/ExemptionMarkings(1)/Governance.Unmark { "Reason": "..." } — the record is no longer exempt.</summary>
    [HttpPost]
    public async Task<IActionResult> Unmark([Microsoft.AspNetCore.OData.Formatter.FromODataUri] int key, [FromBody] Microsoft.AspNetCore.OData.Formatter.ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!Auth.AccessRules.CanWrite("ExemptionMarkings", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "proper-officer", "Democratic services or the monitoring officer decide what is exempt.");
        var marking = await Db.ExemptionMarkings.SingleOrDefaultAsync(m => m.Id == key, ct);
        if (marking is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"ExemptionMarking {key} does not exist.");
        marking.Unmark(parameters?.GetValueOrDefault("Reason") as string, User.Identity?.Name ?? "", Time.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(ct);
        return Ok(marking);
    }

    protected override async Task<IActionResult?> BeforeCreateAsync(ExemptionMarking entity, CancellationToken ct)
    {
        entity.MarkedBy = User.Identity?.Name ?? "";
        entity.MarkedAt = Time.GetUtcNow().UtcDateTime;
        return await CheckAsync(entity, ct);
    }

    protected override Task<IActionResult?> BeforeUpdateAsync(ExemptionMarking entity, CancellationToken ct) => CheckAsync(entity, ct);

    private async Task<IActionResult?> CheckAsync(ExemptionMarking entity, CancellationToken ct)
    {
        var types = ExemptionFilter.ExemptableTypes(Db.Model);
        if (!types.Contains(entity.EntityType))
            return ODataErrors.BadRequest("exempt-type", $"EntityType must be one of: {string.Join(", ", types.Order(StringComparer.Ordinal))}.");
        if (!ExemptionMarking.Paragraphs.ContainsKey(entity.Paragraph))
            return ODataErrors.BadRequest("schedule-12a", "Paragraph is 1 to 7 of Schedule 12A.");
        return await Db.Committees.AnyAsync(c => c.Id == entity.CommitteeId, ct)
            ? null
            : ODataErrors.BadRequest("UnknownReference", $"CommitteeId {entity.CommitteeId} does not refer to an existing Committee.");
    }
}
