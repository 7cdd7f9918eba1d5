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
public sealed class MeasurementsController(GovernanceDbContext db, MeasurementRecorder recorder, SlipDetector slips)
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
        catch (BusinessRuleException rule) when (IsRoleRule(rule))
        {
            return ODataErrors.Error(StatusCodes.Status403Forbidden, rule.Rule, rule.Message);
        }
    }

    protected override Task AfterCreateAsync(Measurement entity, CancellationToken ct) => DetectAsync(entity.IndicatorId, ct);

    /// <summary>
    /// POST /odata/Measurements(1)/Governance.Correct { "Value": 91.5, "Note": "..." } — a new version. A supplier's correction of a
    /// verified or disputed return is a proposal (VerificationStatus Proposed) until a contract manager verifies it.
    /// </summary>
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
        await using var transaction = await Db.Database.BeginUnlessInOneAsync(ct);
        Measurement correction;
        try
        {
            correction = await recorder.CorrectAsync(current, value, parameters.GetValueOrDefault("Note") as string, User, ct);
        }
        catch (BusinessRuleException rule) when (IsRoleRule(rule))
        {
            return ODataErrors.Error(StatusCodes.Status403Forbidden, rule.Rule, rule.Message);
        }

        await Db.SaveChangesAsync(ct);
        await DetectAsync(current.IndicatorId, ct);
        await transaction.CommitIfOwnAsync(ct);
        return Ok(correction);
    }

    /// <summary>
    /// POST /odata/Measurements(1)/Governance.Verify — a contract manager accepts a supplier's return, or accepts a proposed correction
    /// (which then replaces the return it corrects).
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> Verify([FromODataUri] int key, CancellationToken ct) =>
        Answer(key, await Service<ReturnChecks>().VerifyAsync(User, Scope(Db.Measurements), key, ct));

    /// <summary>
    /// POST /odata/Measurements(1)/Governance.Dispute { "Reason": "...", "ContractManagerValue": 85 } — the return is not accepted; the
    /// period counts at the contract manager's figure, or red without one, until the dispute is settled.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> Dispute([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        Answer(key, await Service<ReturnChecks>().DisputeAsync(User, Scope(Db.Measurements), key,
            parameters?.GetValueOrDefault("Reason") as string, parameters?.GetValueOrDefault("ContractManagerValue") as decimal?, ct));

    /// <summary>POST /odata/Measurements(1)/Governance.RejectCorrection { "Reason": "..." } — a supplier's proposed correction is turned down.</summary>
    [HttpPost]
    public async Task<IActionResult> RejectCorrection([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        Answer(key, await Service<ReturnChecks>().RejectCorrectionAsync(User, Scope(Db.Measurements), key, parameters?.GetValueOrDefault("Reason") as string, ct));

    private ObjectResult Answer(int key, ReturnChecks.Outcome outcome) => outcome switch
    {
        { Checked: { } done } => Ok(done),
        { NotFound: true } => NotFound(key),
        _ => ODataErrors.Error(StatusCodes.Status403Forbidden, outcome.RefusedRule!, outcome.RefusedMessage!),
    };

    private async Task DetectAsync(int indicatorId, CancellationToken ct)
    {
        var owner = await Db.Indicators.Where(i => i.Id == indicatorId).Select(i => new { i.ContractId, i.InternalSlaId }).SingleAsync(ct);
        if (owner.ContractId is { } contract)
            await slips.DetectForContractAsync(contract, ct);
        else if (owner.InternalSlaId is { } sla)
            await slips.DetectForSlaAsync(sla, ct);
    }

    /// <summary>The recorder's refusals that are about who is acting, not about the return: 403 rather than 400 or 409.</summary>
    private static bool IsRoleRule(BusinessRuleException rule) => rule.Rule is "not-self-reported" or "contract-kpi-role" or "sla-standard-role";

    private static ObjectResult NotFound(int key) => ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Measurement {key} does not exist.");
}
