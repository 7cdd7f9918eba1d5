using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

// A procurement's open records: council roles read them; bidders read what the tender documents give them.

public sealed class BudgetLinesController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team)
    : ProcurementRecordController<BudgetLine>(db, time, team);

public sealed class RaidItemsController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team)
    : ProcurementRecordController<RaidItem>(db, time, team);

/// <summary>A procurement's timetable: its bidders read their own procurements' stages and deadlines.</summary>
public sealed class ProcurementStageDatesController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team)
    : ProcurementRecordController<ProcurementStageDate>(db, time, team)
{
    protected override Expression<Func<ProcurementStageDate, bool>> SupplierRows(int supplierId) => d => Db.Bidders.Any(b => b.ProcurementId == d.ProcurementId && b.SupplierId == supplierId);

    protected override async Task<IActionResult?> BeforeCreateAsync(ProcurementStageDate entity, CancellationToken ct) =>
        await base.BeforeCreateAsync(entity, ct) ?? await CheckOrderAsync(entity, ct);

    protected override Task<IActionResult?> BeforeUpdateAsync(ProcurementStageDate entity, CancellationToken ct) => CheckOrderAsync(entity, ct);

    /// <summary>The timetable with this row as it would stand, in stage order.</summary>
    private async Task<IActionResult?> CheckOrderAsync(ProcurementStageDate entity, CancellationToken ct)
    {
        var others = await Db.ProcurementStageDates.AsNoTracking().Where(d => d.ProcurementId == entity.ProcurementId && d.Id != entity.Id).ToListAsync(ct);
        ProcurementStageDate.CheckPlannedOrder([.. others, entity]);
        return null;
    }
}

public sealed class LotsController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team)
    : ProcurementRecordController<Lot>(db, time, team)
{
    protected override Expression<Func<Lot, bool>> SupplierRows(int supplierId) => l => Db.Bidders.Any(b => b.ProcurementId == l.ProcurementId && b.SupplierId == supplierId);
}

public sealed class ProposedKpisController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team)
    : ProcurementRecordController<ProposedKpi>(db, time, team)
{
    protected override Expression<Func<ProposedKpi, bool>> SupplierRows(int supplierId) => k => Db.Bidders.Any(b => b.ProcurementId == k.ProcurementId && b.SupplierId == supplierId);
}

/// <summary>Criteria are stated to bidders in advance, and fixed once their stage opens.</summary>
public sealed class EvaluationCriteriaController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team)
    : ProcurementRecordController<EvaluationCriterion>(db, time, team)
{
    protected override Expression<Func<EvaluationCriterion, bool>> SupplierRows(int supplierId) => c => Db.Bidders.Any(b => b.ProcurementId == c.ProcurementId && b.SupplierId == supplierId);

    protected override async Task<IActionResult?> BeforeCreateAsync(EvaluationCriterion entity, CancellationToken ct)
    {
        entity.RecordedAt = Time.GetUtcNow().UtcDateTime;
        return await base.BeforeCreateAsync(entity, ct) ?? await CheckFixedAsync(entity, ct);
    }

    protected override async Task<IActionResult?> BeforeUpdateAsync(EvaluationCriterion entity, CancellationToken ct) =>
        await base.BeforeUpdateAsync(entity, ct) ?? await CheckFixedAsync(entity, ct);

    private async Task<IActionResult?> CheckFixedAsync(EvaluationCriterion entity, CancellationToken ct)
    {
        var procurement = await Db.Procurements.FindAsync([entity.ProcurementId], ct);
        if (procurement is not null)
            TenderingRules.CheckCriterionCanChange(procurement, entity.Stage);
        return null;
    }
}
