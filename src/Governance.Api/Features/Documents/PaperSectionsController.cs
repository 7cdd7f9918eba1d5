using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Documents;

/// <summary>Officers' narrative for the numbered sections of a committee paper; each edit is a new audited revision.</summary>
public sealed class PaperSectionsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<PaperSection>(db, time)
{
    protected override Task<IActionResult?> BeforeCreateAsync(PaperSection entity, CancellationToken ct) => CheckAsync(entity, ct);

    protected override Task<IActionResult?> BeforeUpdateAsync(PaperSection entity, CancellationToken ct) => CheckAsync(entity, ct);

    private async Task<IActionResult?> CheckAsync(PaperSection entity, CancellationToken ct)
    {
        if (!await Db.AgendaItems.AnyAsync(a => a.Id == entity.AgendaItemId, ct))
            return ODataErrors.BadRequest("UnknownReference", $"AgendaItemId {entity.AgendaItemId} does not refer to an existing AgendaItem.");
        if (string.IsNullOrWhiteSpace(entity.Body))
            return ODataErrors.BadRequest("section-body", "A paper section needs its text (Body).");
        return null;
    }
}
