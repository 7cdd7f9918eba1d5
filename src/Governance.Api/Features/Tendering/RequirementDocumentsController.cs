using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

/// <summary>Requirements are refined through dialogue as new versions; no version is ever changed.</summary>
public sealed class RequirementDocumentsController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team)
    : AppendOnlyEntitySetController<RequirementDocument>(db)
{
    protected override Expression<Func<RequirementDocument, bool>> SupplierRows(int supplierId) => r => Db.Bidders.Any(b => b.ProcurementId == r.ProcurementId && b.SupplierId == supplierId);

    protected override async Task<IActionResult?> BeforeCreateAsync(RequirementDocument entity, CancellationToken ct)
    {
        if (await team.RefuseChangeAsync(entity.ProcurementId, User, ct) is { } refused)
            return refused;
        entity.Version = 1;
        if (entity.SupersedesId is { } previousId)
        {
            var previous = await Db.RequirementDocuments.AsNoTracking().SingleOrDefaultAsync(r => r.Id == previousId && r.ProcurementId == entity.ProcurementId, ct);
            if (previous is null)
                return ODataErrors.BadRequest("UnknownReference", $"SupersedesId {previousId} is not a requirement document of this procurement.");
            if (await Db.RequirementDocuments.AnyAsync(r => r.SupersedesId == previousId, ct))
                return ODataErrors.Error(StatusCodes.Status409Conflict, "superseded", $"Version {previous.Version} has already been superseded; refine the latest version.");
            entity.Version = previous.Version + 1;
        }

        entity.CreatedBy = User.Identity?.Name ?? "";
        entity.CreatedAt = time.GetUtcNow().UtcDateTime;
        return null;
    }
}
