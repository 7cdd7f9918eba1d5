using System.Linq.Expressions;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Api.OData;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

/// <summary>
/// Returns are append-only: no update or delete is routed. A correction is a new version; a contract manager
/// verifies or disputes a supplier's return. Every new return is checked for slips in the same transaction.
/// </summary>
public sealed class MeasurementsController(GovernanceDbContext db, MeasurementRecorder recorder, SlipDetector slips, TimeProvider time)
    : AppendOnlyEntitySetController<Measurement>(db)
{
    protected override Expression<Func<Measurement, bool>> SupplierRows(int supplierId) =>
        m => m.Indicator!.Contract!.SupplierId == supplierId;

    protected override async Task<IActionResult?> BeforeCreateAsync(Measurement entity, CancellationToken ct)
    {
        try
        {
            await recorder.PrepareAsync(entity, User, ct);
            return null;
        }
        catch (BusinessRuleException rule) when (rule.Rule == "not-self-reported")
        {
            return ODataErrors.Error(StatusCodes.Status403Forbidden, rule.Rule, rule.Message);
        }
    }

    protected override Task AfterCreateAsync(Measurement entity, CancellationToken ct) => DetectAsync(entity.IndicatorId, ct);

    /// <summary>POST /odata/Measurements(1)/Governance.Correct { "Value": 91.5, "Note": "..." }</summary>
    [HttpPost]
    public async Task<IActionResult> Correct([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!AccessRules.CanWrite("Measurements", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "measurements-write", "Your role does not record returns.");
        if (parameters?.GetValueOrDefault("Value") is not decimal value)
            return ODataErrors.BadRequest("value-required", "Give the corrected Value.");
        var current = await Scope(Db.Measurements).SingleOrDefaultAsync(m => m.Id == key, ct);
        if (current is null)
            return NotFound(key);
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        var correction = await recorder.CorrectAsync(current, value, parameters.GetValueOrDefault("Note") as string, User, ct);
        await Db.SaveChangesAsync(ct);
        await DetectAsync(current.IndicatorId, ct);
        await transaction.CommitAsync(ct);
        return Ok(correction);
    }

    /// <summary>POST /odata/Measurements(1)/Governance.Verify — a contract manager accepts a supplier's return.</summary>
    [HttpPost]
    public Task<IActionResult> Verify([FromODataUri] int key, CancellationToken ct) =>
        CheckAsync(key, m =>
        {
            m.VerificationStatus = VerificationStatus.Verified;
            m.DisputeReason = null;
            return null;
        }, ct);

    /// <summary>POST /odata/Measurements(1)/Governance.Dispute { "Reason": "..." } — the return is not accepted as evidence.</summary>
    [HttpPost]
    public Task<IActionResult> Dispute([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        CheckAsync(key, m =>
        {
            if (parameters?.GetValueOrDefault("Reason") is not string reason || string.IsNullOrWhiteSpace(reason))
                return ODataErrors.BadRequest("reason-required", "Say why the return is disputed.");
            m.VerificationStatus = VerificationStatus.Disputed;
            m.DisputeReason = reason;
            return null;
        }, ct);

    private async Task<IActionResult> CheckAsync(int key, Func<Measurement, ObjectResult?> decide, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.ContractManager))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "verification", "A contract manager verifies or disputes returns.");
        var measurement = await Scope(Db.Measurements).SingleOrDefaultAsync(m => m.Id == key, ct);
        if (measurement is null)
            return NotFound(key);
        if (measurement.Superseded)
            return ODataErrors.Error(StatusCodes.Status409Conflict, "correct-latest", "This version has been corrected; check the latest version.");
        if (decide(measurement) is { } refused)
            return refused;
        measurement.VerifiedBy = User.Identity?.Name;
        measurement.VerifiedAt = time.GetUtcNow().UtcDateTime;
        await Db.SaveChangesAsync(ct);
        return Ok(measurement);
    }

    private async Task DetectAsync(int indicatorId, CancellationToken ct)
    {
        var owner = await Db.Indicators.Where(i => i.Id == indicatorId).Select(i => new { i.ContractId, i.InternalSlaId }).SingleAsync(ct);
        if (owner.ContractId is { } contract)
            await slips.DetectForContractAsync(contract, ct);
        else if (owner.InternalSlaId is { } sla)
            await slips.DetectForSlaAsync(sla, ct);
    }

    private static ObjectResult NotFound(int key) => ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Measurement {key} does not exist.");
}
