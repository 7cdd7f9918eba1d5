using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Common;
using Governance.Domain.Tendering;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Features.Tendering;

/// <summary>
/// A procurement's open records (budget lines, lots, RAID log, timetable, KPIs, criteria): read by council roles,
/// changed only by members of that procurement's team.
/// </summary>
public abstract class ProcurementRecordController<T>(GovernanceDbContext db, TimeProvider time, ProcurementTeam team)
    : EditableEntitySetController<T>(db, time)
    where T : Entity, IProcurementRecord, new()
{
    protected ProcurementTeam Team => team;

    protected override async Task<IActionResult?> BeforeCreateAsync(T entity, CancellationToken ct) => await TeamOnlyAsync(entity.ProcurementId, ct);

    protected override async Task<IActionResult?> MayChangeAsync(T entity, CancellationToken ct) => await TeamOnlyAsync(entity.ProcurementId, ct);

    protected async Task<IActionResult?> TeamOnlyAsync(int procurementId, CancellationToken ct, TeamRole? role = null) =>
        await team.RefuseChangeAsync(procurementId, User, ct, role);
}

/// <summary>
/// Confidential tender records (bids, prices, scores, minutes): only the procurement's team reads them, and a
/// bidder its own. Nothing public navigates here, so no query option can reach them from elsewhere.
/// </summary>
public abstract class ConfidentialRecordController<T>(GovernanceDbContext db, ProcurementTeam team)
    : AppendOnlyEntitySetController<T>(db)
    where T : Entity, IProcurementRecord, new()
{
    protected ProcurementTeam Team => team;

    protected override IQueryable<T> Scope(IQueryable<T> rows) => team.Confidential(rows, User);

    protected override async Task<IActionResult?> BeforeCreateAsync(T entity, CancellationToken ct) =>
        await team.RefuseChangeAsync(entity.ProcurementId, User, ct);
}
