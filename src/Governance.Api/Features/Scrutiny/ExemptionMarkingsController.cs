using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

/// <summary>Marking a record exempt (Schedule 12A paragraph, public interest test, committee); unmarking archives the marking.</summary>
public sealed class ExemptionMarkingsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<ExemptionMarking>(db, time)
{
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
