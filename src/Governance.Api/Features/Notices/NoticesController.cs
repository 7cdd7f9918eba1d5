using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Deltas;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notices;

/// <summary>
/// Statutory notices: raised by the workflows and events (or by hand for a change or the half-yearly UK17), drafted
/// from the data, and recorded as published with the platform's reference; corrections are new versions. No PATCH and
/// no DELETE: a notice moves only through these actions.
/// </summary>
public sealed class NoticesController(GovernanceDbContext db) : QueryableEntitySetController<Notice>(db)
{
    private NoticeDesk Desk => Service<NoticeDesk>();

    protected override IQueryable<Notice> Scope(IQueryable<Notice> rows) => Desk.Readable(rows, User);

    /// <summary>POST /odata/Notices { "Type": "UK10", "ContractId": 3, "Trigger": "..." } — a notice an event outside the workflows requires; dated and its deadline computed by the server.</summary>
    [Authorize(Policy = EntitySetAccess.Write)]
    public async Task<IActionResult> Post([FromBody] Delta<Notice>? delta, CancellationToken ct)
    {
        if (EntityWrites.InvalidBody(delta, ModelState) is { } invalid)
            return invalid;
        if (!delta!.GetChangedPropertyNames().Contains(nameof(Notice.Type)))
            return ODataErrors.BadRequest("notice-type", $"Give the notice's Type: one of {string.Join(", ", Enum.GetNames<NoticeType>())}.");
        var asked = new Notice();
        delta.Patch(asked);
        // The subject as the caller may read it (an exempt one is as unknown as a missing one), and the caller's right to
        // act on it, before anything is raised: a refused part of a change set must leave nothing behind it.
        if (asked.ContractId is { } contractId)
        {
            if (await Db.Contracts.Where(c => c.Id == contractId).Select(c => new { c.ProcurementId }).SingleOrDefaultAsync(ct) is not { } contract)
                return ODataErrors.BadRequest("UnknownReference", $"ContractId {contractId} does not refer to an existing Contract.");
            asked.ProcurementId ??= contract.ProcurementId;
        }
        else if (asked.ProcurementId is { } procurementId && !await Db.Procurements.AnyAsync(p => p.Id == procurementId, ct))
        {
            return ODataErrors.BadRequest("UnknownReference", $"ProcurementId {procurementId} does not refer to an existing Procurement.");
        }

        Notice.CheckSubject(asked.Type, asked.ProcurementId, asked.ContractId);
        if (await Desk.RefusalAsync(asked, User, ct) is { } refusal)
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "notice-owner", refusal);
        await using var transaction = await Db.Database.BeginUnlessInOneAsync(ct);
        var today = Domain.Calendar.LondonTime.DateOf(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        // A payments compliance notice belongs to the reporting period that last ended, whoever raises it (the daily job or an officer).
        DateOnly? periodEnd = asked.Type == NoticeType.UK17 ? NoticeDeadlines.LastPaymentsPeriodBefore(today).Last : null;
        var raisedFor = periodEnd is { } last ? $"uk17:{last:yyyyMMdd}" : $"manual:{asked.Type}:{asked.ProcurementId}:{asked.ContractId}:{today:yyyyMMdd}";
        if (await Db.Notices.IgnoreQueryFilters().AnyAsync(n => n.RaisedFor == raisedFor, ct))
            return ODataErrors.Error(StatusCodes.Status409Conflict, "notice-raised", $"A {NoticeDeadlines.Describe(asked.Type)} about this was already raised {(periodEnd is null ? "today" : "for the last reporting period")}.");
        var notice = await Desk.RaiseAsync(asked.Type, asked.ProcurementId, asked.ContractId, asked.Trigger, raisedFor, ct, periodEnd);
        await Db.SaveChangesAsync(ct);
        await transaction.CommitIfOwnAsync(ct);
        return Created(notice);
    }

    /// <summary>POST /odata/Notices(1)/Governance.Draft — the content generated from the data now, for checking before publication.</summary>
    [HttpPost]
    public Task<IActionResult> Draft([FromODataUri] int key, CancellationToken ct) =>
        ActAsync(key, async notice => { await Desk.DraftAsync(notice, ct); return notice; }, ct);

    /// <summary>POST /odata/Notices(1)/Governance.Publish { "ExternalReference": "..." } — recorded as published today; the content is fixed as version 1.</summary>
    [HttpPost]
    public Task<IActionResult> Publish([FromODataUri] int key, [FromBody] Microsoft.AspNetCore.OData.Formatter.ODataActionParameters? parameters, CancellationToken ct) =>
        ActAsync(key, notice => Desk.PublishAsync(notice, parameters?.GetValueOrDefault("ExternalReference") as string, User.Identity?.Name ?? "", ct), ct);

    /// <summary>POST /odata/Notices(1)/Governance.Correct { "Reason": "...", "ExternalReference": "..." } — a corrected version, published again with its reason.</summary>
    [HttpPost]
    public Task<IActionResult> Correct([FromODataUri] int key, [FromBody] Microsoft.AspNetCore.OData.Formatter.ODataActionParameters? parameters, CancellationToken ct) =>
        ActAsync(key, notice => Desk.CorrectAsync(notice, parameters?.GetValueOrDefault("Reason") as string, parameters?.GetValueOrDefault("ExternalReference") as string,
            User.Identity?.Name ?? "", ct), ct);

    private async Task<IActionResult> ActAsync<TResult>(int key, Func<Notice, Task<TResult>> act, CancellationToken ct)
    {
        if (!AccessRules.CanWrite("Notices", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "notice-write", "Procurement officers and contract managers record notices.");
        if (await Desk.ActableAsync(key, User, ct) is not var (notice, refusal))
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Notice {key} does not exist.");
        if (refusal is not null)
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "notice-owner", refusal);
        await using var transaction = await Db.Database.BeginUnlessInOneAsync(ct);
        var result = await act(notice);
        await Db.SaveChangesAsync(ct);
        await transaction.CommitIfOwnAsync(ct);
        return Ok(result);
    }
}

/// <summary>Every published version of every notice, as it went out: the council's record of what it published and when.</summary>
public sealed class NoticeVersionsController(GovernanceDbContext db) : LogEntitySetController<NoticeVersion>(db)
{
    // Versions exist only once published, and a published notice is readable by every council reader; suppliers read none here.
    protected override IQueryable<NoticeVersion> Scope(IQueryable<NoticeVersion> rows) =>
        User.SupplierScope() is null ? rows : rows.Where(_ => false);
}
