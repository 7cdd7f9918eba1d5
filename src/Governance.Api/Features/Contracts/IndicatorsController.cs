using System.Linq.Expressions;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

/// <summary>
/// KPIs of contracts (contract managers) and standards of internal SLAs (SLA owners). A KPI's definition is versioned:
/// it is created with its first version and changed only by Revise, from a period not yet rated.
/// </summary>
public sealed class IndicatorsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Indicator>(db, time)
{
    protected override Expression<Func<Indicator, bool>> SupplierRows(int supplierId) => i => i.Contract!.SupplierId == supplierId;

    protected override Task<IActionResult?> BeforeCreateAsync(Indicator entity, CancellationToken ct) =>
        Task.FromResult<IActionResult?>(CheckOwner(entity) ?? RefuseRole(entity));

    /// <summary>The first version of the definition, from the contract's first month (or this month for an SLA standard).</summary>
    protected override async Task AfterCreateAsync(Indicator entity, CancellationToken ct)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var from = entity.ContractId is { } contractId
            ? await Db.Contracts.Where(c => c.Id == contractId).Select(c => c.StartOn).SingleAsync(ct)
            : LondonTime.DateOf(now);
        Db.IndicatorVersions.Add(entity.FirstVersion(from, User.Identity?.Name ?? "", now));
        await Db.SaveChangesAsync(ct);
    }

    protected override Task<IActionResult?> MayChangeAsync(Indicator entity, CancellationToken ct) => Task.FromResult<IActionResult?>(RefuseRole(entity));

    protected override Task<IActionResult?> BeforeUpdateAsync(Indicator entity, CancellationToken ct) => Task.FromResult<IActionResult?>(CheckOwner(entity));

    /// <summary>s.52: a live contract over GBP 5m keeps three KPIs unless it relies on an exception.</summary>
    protected override async Task<IActionResult?> BeforeArchiveAsync(Indicator entity, CancellationToken ct)
    {
        if (entity.ContractId is not { } contractId)
            return null;
        await ContractFacts.RefuseTooFewKpisAsync(Db, await Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId, ct), ct, kpiChange: -1);
        return null;
    }

    /// <summary>
    /// POST /odata/Indicators(1)/Governance.Revise { "Target": 85, "RedThreshold": 75, "Weight": 25, "EffectiveFrom": "2027-01-01", "Reason": "..." }:
    /// a new version of the definition, from the current period or a later one.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> Revise([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (parameters is null || parameters.GetValueOrDefault("Target") is not decimal target || parameters.GetValueOrDefault("RedThreshold") is not decimal red
            || parameters.GetValueOrDefault("Weight") is not decimal weight
            // The OData formatter hands a date over as its own Date type: read it by its ISO text.
            || !DateOnly.TryParseExact(Convert.ToString(parameters.GetValueOrDefault("EffectiveFrom"), System.Globalization.CultureInfo.InvariantCulture), "yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var effectiveFrom))
        {
            return ODataErrors.BadRequest("revision-parameters", "Give Target, RedThreshold, Weight, EffectiveFrom (the first day of a period) and Reason.");
        }

        var indicator = await Scope(Db.Indicators).SingleOrDefaultAsync(i => i.Id == key, ct);
        if (indicator is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Indicator {key} does not exist.");
        if (RefuseRole(indicator) is { } refused)
            return refused;
        var direction = parameters.GetValueOrDefault("Direction") as Direction? ?? indicator.Direction;
        var latest = await Db.IndicatorVersions.Where(v => v.IndicatorId == key).MaxAsync(v => (int?)v.Version, ct) ?? 0;
        var now = Time.GetUtcNow().UtcDateTime;
        var version = indicator.Revise(new KpiDefinition(direction, target, red, weight), effectiveFrom, parameters.GetValueOrDefault("Reason") as string ?? "",
            latest, LondonTime.DateOf(now), User.Identity?.Name ?? "", now);
        Db.IndicatorVersions.Add(version);
        await Db.SaveChangesAsync(ct);
        return Ok(version);
    }

    private static ObjectResult? CheckOwner(Indicator indicator) =>
        (indicator.ContractId is null) == (indicator.InternalSlaId is null)
            ? ODataErrors.BadRequest("indicator-one-owner", "An indicator belongs to exactly one contract (a KPI) or one internal SLA (a standard): give ContractId or InternalSlaId, not both.")
            : null;

    /// <summary>Contract managers keep contract KPIs; SLA owners keep the standards of internal SLAs, and nothing else.</summary>
    private ObjectResult? RefuseRole(Indicator indicator) => indicator.ContractId is not null
        ? User.IsInRole(Roles.ContractManager) ? null : ODataErrors.Error(StatusCodes.Status403Forbidden, "contract-kpi-role", "A contract manager keeps a contract's KPIs; SLA owners act on internal SLAs only.")
        : User.IsInRole(Roles.SlaOwner) ? null : ODataErrors.Error(StatusCodes.Status403Forbidden, "sla-standard-role", "An SLA owner keeps the standards of internal SLAs.");
}
