using Governance.Api.Data;
using Governance.Api.Features.Tendering;
using Governance.Api.OData;
using Governance.Domain.Appraisal;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Appraisal;

/// <summary>Options, criteria, scores, savings and risks of an appraisal: changed by the procurement's team until it is approved.</summary>
public abstract class AppraisalPartController<T>(GovernanceDbContext db, TimeProvider time, ProcurementTeam team) : EditableEntitySetController<T>(db, time)
    where T : Entity, IAppraisalPart, new()
{
    protected override Task<IActionResult?> BeforeCreateAsync(T entity, CancellationToken ct) => CheckAsync(entity, ct);

    protected override Task<IActionResult?> BeforeUpdateAsync(T entity, CancellationToken ct) => CheckAsync(entity, ct);

    protected override Task<IActionResult?> MayChangeAsync(T entity, CancellationToken ct) => CheckAsync(entity, ct);

    /// <summary>Further checks of one kind of part; null when it is fine.</summary>
    protected virtual Task<ObjectResult?> CheckPartAsync(T entity, CancellationToken ct) => Task.FromResult<ObjectResult?>(null);

    private async Task<IActionResult?> CheckAsync(T entity, CancellationToken ct)
    {
        var appraisal = await Db.OptionsAppraisals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == entity.OptionsAppraisalId, ct);
        if (appraisal is null)
            return ODataErrors.BadRequest("UnknownReference", $"OptionsAppraisalId {entity.OptionsAppraisalId} does not refer to an existing OptionsAppraisal.");
        if (await team.RefuseChangeAsync(appraisal.ProcurementId, User, ct) is { } refused)
            return refused;
        if (appraisal.Status == AppraisalStatus.Approved)
            return ODataErrors.Error(StatusCodes.Status409Conflict, "appraisal-approved", "An approved appraisal is not changed; start a new one.");
        return await CheckPartAsync(entity, ct);
    }

    protected async Task<ObjectResult?> SameAppraisalAsync(int appraisalId, int? optionId, int? criterionId, CancellationToken ct)
    {
        if (optionId is { } o && !await Db.AppraisalOptions.AnyAsync(x => x.Id == o && x.OptionsAppraisalId == appraisalId, ct))
            return ODataErrors.BadRequest("UnknownReference", $"AppraisalOptionId {o} is not an option of appraisal {appraisalId}.");
        if (criterionId is { } c && !await Db.AppraisalCriteria.AnyAsync(x => x.Id == c && x.OptionsAppraisalId == appraisalId, ct))
            return ODataErrors.BadRequest("UnknownReference", $"AppraisalCriterionId {c} is not a criterion of appraisal {appraisalId}.");
        return null;
    }
}

public sealed class AppraisalOptionsController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team) : AppraisalPartController<AppraisalOption>(db, time, team)
{
    protected override async Task<ObjectResult?> CheckPartAsync(AppraisalOption entity, CancellationToken ct) =>
        entity.IsInHouseComparator && await Db.AppraisalOptions.AnyAsync(o => o.OptionsAppraisalId == entity.OptionsAppraisalId && o.IsInHouseComparator && o.Id != entity.Id, ct)
            ? ODataErrors.Error(StatusCodes.Status409Conflict, "one-comparator", "This appraisal already has its in-house comparator.")
            : null;
}

public sealed class AppraisalCriteriaController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team) : AppraisalPartController<AppraisalCriterion>(db, time, team);

public sealed class OptionScoresController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team) : AppraisalPartController<OptionScore>(db, time, team)
{
    protected override Task<ObjectResult?> CheckPartAsync(OptionScore entity, CancellationToken ct) =>
        SameAppraisalAsync(entity.OptionsAppraisalId, entity.AppraisalOptionId, entity.AppraisalCriterionId, ct);
}

/// <summary>Savings lines must carry their method, assumptions and evidence (required properties): no bare figures.</summary>
public sealed class SavingsLinesController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team) : AppraisalPartController<SavingsLine>(db, time, team)
{
    protected override Task<ObjectResult?> CheckPartAsync(SavingsLine entity, CancellationToken ct) =>
        SameAppraisalAsync(entity.OptionsAppraisalId, entity.AppraisalOptionId, null, ct);
}

public sealed class AppraisalRisksController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team) : AppraisalPartController<AppraisalRisk>(db, time, team)
{
    protected override Task<ObjectResult?> CheckPartAsync(AppraisalRisk entity, CancellationToken ct) =>
        SameAppraisalAsync(entity.OptionsAppraisalId, entity.AppraisalOptionId, null, ct);
}
