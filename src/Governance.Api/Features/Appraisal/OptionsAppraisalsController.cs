using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Tendering;
using Governance.Api.OData;
using Governance.Domain.Appraisal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Appraisal;

/// <summary>
/// Options appraisals are open to councillors and unions: every option, the in-house comparator included, is
/// scored on the same criteria, and every saving shows its method. Approval by a statutory officer is the gate
/// before the procurement's notice goes out.
/// </summary>
public sealed class OptionsAppraisalsController(GovernanceDbContext db, TimeProvider time, ProcurementTeam team)
    : ProcurementRecordController<OptionsAppraisal>(db, time, team)
{
    protected override async Task<IActionResult?> BeforeUpdateAsync(OptionsAppraisal entity, CancellationToken ct) =>
        entity.Status == AppraisalStatus.Approved
            ? ODataErrors.Error(StatusCodes.Status409Conflict, "appraisal-approved", "An approved appraisal is not changed; start a new one.")
            : await base.BeforeUpdateAsync(entity, ct) ?? await CheckPreferredAsync(entity, ct);

    protected override async Task<IActionResult?> BeforeCreateAsync(OptionsAppraisal entity, CancellationToken ct)
    {
        entity.PreferredOptionId = null; // options are added after the appraisal exists
        return await base.BeforeCreateAsync(entity, ct);
    }

    /// <summary>POST /odata/OptionsAppraisals(1)/Governance.Approve — by a statutory officer, once the rules hold.</summary>
    [HttpPost]
    public async Task<IActionResult> Approve([FromODataUri] int key, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.StatutoryOfficer))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "appraisal-approval", "A statutory officer approves an options appraisal.");
        var appraisal = await Db.OptionsAppraisals.SingleOrDefaultAsync(a => a.Id == key, ct);
        if (appraisal is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"OptionsAppraisal {key} does not exist.");
        AppraisalRules.CheckApprovable(
            appraisal,
            await Db.AppraisalOptions.AsNoTracking().Where(o => o.OptionsAppraisalId == key).ToListAsync(ct),
            await Db.AppraisalCriteria.AsNoTracking().Where(c => c.OptionsAppraisalId == key).ToListAsync(ct),
            await Db.OptionScores.AsNoTracking().Where(s => s.OptionsAppraisalId == key).ToListAsync(ct));
        appraisal.Status = AppraisalStatus.Approved;
        appraisal.ApprovedBy = User.Identity?.Name;
        appraisal.ApprovedAt = Time.GetUtcNow().UtcDateTime;
        await Db.SaveChangesAsync(ct);
        return Ok(appraisal);
    }

    /// <summary>
    /// GET /odata/OptionsAppraisals(1)/Governance.WeightedScores(): each option's weighted score out of 100 on the
    /// appraisal's criteria, highest first, with the in-house comparator and the preferred option marked. Computed
    /// from what the caller may see: an option or score marked exempt is left out for those it is withheld from.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> WeightedScores([FromODataUri] int key, CancellationToken ct)
    {
        var appraisal = await ReadableRows().SingleOrDefaultAsync(a => a.Id == key, ct);
        if (appraisal is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"OptionsAppraisal {key} does not exist.");
        var options = await Db.AppraisalOptions.AsNoTracking().Where(o => o.OptionsAppraisalId == key).ToListAsync(ct);
        var criteria = await Db.AppraisalCriteria.AsNoTracking().Where(c => c.OptionsAppraisalId == key).ToListAsync(ct);
        var scores = await Db.OptionScores.AsNoTracking().Where(o => o.OptionsAppraisalId == key).ToListAsync(ct);
        return Ok(options.Select(o => new OptionScoreView
        {
            OptionId = o.Id, Name = o.Name, Kind = o.Kind.ToString(), IsInHouseComparator = o.IsInHouseComparator, Preferred = appraisal.PreferredOptionId == o.Id,
            WholeLifeCost = o.WholeLifeCost, WeightedScore = AppraisalRules.WeightedScore(o, criteria, scores),
        }).OrderByDescending(v => v.WeightedScore).ThenBy(v => v.OptionId).ToList());
    }

    private async Task<IActionResult?> CheckPreferredAsync(OptionsAppraisal entity, CancellationToken ct) =>
        entity.PreferredOptionId is { } option && !await Db.AppraisalOptions.AnyAsync(o => o.Id == option && o.OptionsAppraisalId == entity.Id, ct)
            ? ODataErrors.BadRequest("preferred-option", $"PreferredOptionId {option} is not an option of this appraisal.")
            : null;
}
