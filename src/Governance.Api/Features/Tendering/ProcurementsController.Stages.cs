using Governance.Api.OData;
using Governance.Domain.Tendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

/// <summary>
/// The seal of a stage's bids: its deadline is set once, extended only forward and before it passes (every bidder
/// told why), and the bids are opened by a named member of the team after it. The domain type holds the rules.
/// </summary>
public sealed partial class ProcurementsController
{
    /// <summary>POST /odata/Procurements(1)/Governance.SetSubmissionDeadline { "Stage": "OutlineSolutions", "Deadline": "2026-03-01T12:00:00Z" }</summary>
    [HttpPost]
    public Task<IActionResult> SetSubmissionDeadline([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        ChangeStageAsync(key, parameters, TeamRole.Lead, (stage, now) => stage.SetSubmissionDeadline(DeadlineOf(parameters), now), notifyBidders: true, ct);

    /// <summary>POST /odata/Procurements(1)/Governance.ExtendDeadline { "Stage", "Deadline", "Reason" }</summary>
    [HttpPost]
    public Task<IActionResult> ExtendDeadline([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        ChangeStageAsync(key, parameters, TeamRole.Lead,
            (stage, now) => stage.ExtendDeadline(DeadlineOf(parameters), parameters?.GetValueOrDefault("Reason") as string, now), notifyBidders: true, ct);

    /// <summary>POST /odata/Procurements(1)/Governance.OpenSubmissions { "Stage": "OutlineSolutions" }: after the deadline only; records who and when.</summary>
    [HttpPost]
    public Task<IActionResult> OpenSubmissions([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        ChangeStageAsync(key, parameters, TeamRole.Evaluator, (stage, now) => stage.OpenSubmissions(User.Identity?.Name ?? "", now), notifyBidders: false, ct);

    private async Task<IActionResult> ChangeStageAsync(
        int key, ODataActionParameters? parameters, TeamRole role, Action<ProcurementStageDate, DateTime> change, bool notifyBidders, CancellationToken ct)
    {
        if (!Enum.TryParse<ProcurementStage>(parameters?.GetValueOrDefault("Stage") as string, out var stageName) || !TenderingRules.SubmissionStages.Contains(stageName))
            return ODataErrors.BadRequest("stage", "Stage is OutlineSolutions, DetailedSolutions or FinalTenders.");
        var (procurement, refused) = await TeamProcurementAsync(key, role, ct);
        if (refused is not null)
            return refused;
        var stage = await Db.ProcurementStageDates.SingleOrDefaultAsync(d => d.ProcurementId == key && d.Stage == stageName, ct);
        if (stage is null)
        {
            stage = new ProcurementStageDate { ProcurementId = key, Stage = stageName };
            Db.ProcurementStageDates.Add(stage);
        }

        change(stage, Time.GetUtcNow().UtcDateTime);
        if (notifyBidders)
            await Service<BidderLetters>().DeadlineAsync(procurement!, stage, ct);
        await Db.SaveChangesAsync(ct);
        return Ok(stage);
    }

    /// <summary>The Deadline parameter (Edm.DateTimeOffset) as a UTC instant.</summary>
    private static DateTime DeadlineOf(ODataActionParameters? parameters) => parameters?.GetValueOrDefault("Deadline") switch
    {
        DateTimeOffset instant => instant.UtcDateTime,
        DateTime instant => instant.ToUniversalTime(),
        _ => throw new Domain.Common.BusinessRuleException("deadline", "Give the Deadline as a date and time with its offset, e.g. 2026-03-01T12:00:00Z.", isInvalidInput: true),
    };
}
