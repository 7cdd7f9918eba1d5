using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Api.OData;
using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Governance.Domain.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

public sealed class ContractsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Contract>(db, time)
{
    private ContractPerformance Performance => Service<ContractPerformance>();

    private Documents.PerformanceReports Reports => Service<Documents.PerformanceReports>();

    protected override Expression<Func<Contract, bool>> SupplierRows(int supplierId) => c => c.SupplierId == supplierId;

    /// <summary>GET /odata/Contracts(1)/Governance.Ratings(): each period's rating from the weighted KPIs, missing and disputed returns flagged.</summary>
    [HttpGet]
    public async Task<IActionResult> Ratings([FromODataUri] int key, CancellationToken ct)
    {
        if (!await ReadableRows().AnyAsync(c => c.Id == key, ct))
            return NotFound(key);
        return Ok(await Performance.PeriodRatingsAsync(key, null, null, ct));
    }

    /// <summary>GET /odata/Contracts(1)/Governance.KpiRatings(): each KPI's result in each period, with why it counts as it does.</summary>
    [HttpGet]
    public async Task<IActionResult> KpiRatings([FromODataUri] int key, CancellationToken ct) =>
        await ReadableRows().AnyAsync(c => c.Id == key, ct) ? Ok(await Performance.KpiPeriodsAsync(key, ct)) : NotFound(key);

    /// <summary>GET /odata/Contracts(1)/Governance.AnnualAssessment(year=2015): the rating and evidence of a UK9 notice (the published one, once published).</summary>
    [HttpGet]
    public async Task<IActionResult> AnnualAssessment([FromODataUri] int key, [FromODataUri] int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
            return ODataErrors.BadRequest("year", "Give a calendar year, e.g. 2015.");
        if (!await ReadableRows().AnyAsync(c => c.Id == key, ct))
            return NotFound(key);
        return Ok(await Performance.AssessAsync(key, year, ct));
    }

    /// <summary>
    /// POST /odata/Contracts(1)/Governance.GenerateAssessment { "Year": 2015 } — publishes the annual assessment with its UK9 rating as a
    /// PDF and freezes the rating and its evidence: a published year is never re-rated.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> GenerateAssessment([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!Auth.AccessRules.CanWrite("Contracts", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "contract-write", "Contract managers publish contract assessments.");
        if (parameters?.GetValueOrDefault("Year") is not int year || year is < 2000 or > 2100)
            return ODataErrors.BadRequest("year", "Give the Year to assess, e.g. { \"Year\": 2015 }.");
        if (!await ReadableRows().AnyAsync(c => c.Id == key, ct))
            return NotFound(key);
        if (await Db.PerformanceAssessments.AnyAsync(a => a.ContractId == key && a.Year == year && a.Occasion == AssessmentOccasion.Annual, ct))
        {
            return ODataErrors.Error(StatusCodes.Status409Conflict, "assessment-published",
                $"The {year} assessment is already published; it is never re-rated. Read it at /odata/PerformanceAssessments?$filter=ContractId eq {key}.");
        }

        await using var transaction = await Db.Database.BeginUnlessInOneAsync(ct);
        var view = await Performance.AssessAsync(key, year, ct, ignoreFilters: true);
        var published = await Reports.PublishAssessmentAsync(key, year, User.Identity?.Name ?? "", ct);
        if (published is not { } p || view is null)
            return NotFound(key);
        var now = Time.GetUtcNow().UtcDateTime;
        view.PublishedAt = now;
        // The notice rates every KPI, but names none that is exempt: the published record is read by everyone.
        var exemptKpis = await Db.ExemptionMarkings.Where(m => m.EntityType == nameof(Indicator)).Select(m => m.EntityKey).ToListAsync(ct);
        if (view.Kpis.RemoveAll(k => exemptKpis.Contains(k.IndicatorId)) is > 0 and var hidden)
        {
            view.WithheldKpis = hidden;
            view.WithheldNote = $"{hidden} of this contract's KPIs are exempt information (Schedule 12A): they count in the rating but are not shown.";
        }

        Db.PerformanceAssessments.Add(new PerformanceAssessment
        {
            ContractId = key, Year = year, Occasion = AssessmentOccasion.Annual, Rating = Enum.Parse<PerformanceRating>(view.Rating), AverageScore = view.AverageScore,
            Basis = view.Basis, Policy = view.Policy, Evidence = System.Text.Json.JsonSerializer.Serialize(view), PublishedDocumentId = p.Document.Id,
            PublishedBy = User.Identity?.Name ?? "", PublishedAt = now,
        });
        var contract = await Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == key, ct);
        await Service<Notices.NoticeDesk>().RaiseForContractAsync(Domain.Notices.NoticeType.UK9, contract, $"The {year} performance assessment was made.", $"contract:{key}:assessment:{year}", ct);
        await Db.SaveChangesAsync(ct);
        await transaction.CommitIfOwnAsync(ct);
        return Documents.PdfResults.Pdf(this, p.Document, p.Bytes);
    }

    /// <summary>POST /odata/Contracts(1)/Governance.Activate — above GBP 5m (VAT and options included) only with three KPIs or a recorded s.52 exception.</summary>
    [HttpPost]
    public Task<IActionResult> Activate([FromODataUri] int key, CancellationToken ct) =>
        ChangeStatusAsync(key, async c =>
        {
            var (count, weights) = await ContractFacts.KpisAsync(Db, c.Id, ct);
            c.Activate(count, await ContractFacts.OptionsValueAsync(Db, c.Id, ct), weights);
        }, ct);

    /// <summary>POST /odata/Contracts(1)/Governance.EnterRemediation { "Reason": "..." } — a reset or remediation.</summary>
    [HttpPost]
    public Task<IActionResult> EnterRemediation([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        ChangeStatusAsync(key, c => { c.EnterRemediation(parameters?.GetValueOrDefault("Reason") as string ?? ""); return Task.CompletedTask; }, ct);

    /// <summary>
    /// POST /odata/Contracts(1)/Governance.Terminate { "Reason": "..." } — a termination notice (UK11) follows, and s.71(2) asks for a
    /// performance assessment on termination: a reminder goes to its named manager (or the contract managers) with the 30-day deadline.
    /// </summary>
    [HttpPost]
    public Task<IActionResult> Terminate([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        ChangeStatusAsync(key, async c =>
        {
            c.Terminate(parameters?.GetValueOrDefault("Reason") as string ?? "");
            await Service<Notices.NoticeDesk>().RaiseForContractAsync(Domain.Notices.NoticeType.UK11, c, "The contract was terminated.", $"contract:{c.Id}:terminated", ct);
            var due = StatutoryClocks.Pa2023PerformanceNoticeDue(LondonTime.DateOf(Time.GetUtcNow().UtcDateTime));
            await ContractRemindersJob.NotifyManagerAsync(Service<Notifications.NotificationOutbox>(), Service<Notifications.NamedPeople>(), c.ContractManager, c.Id,
                $"contract:{c.Id}:termination-assessment", $"Assess {c.Reference} on termination by {due:d MMMM yyyy}",
                "Procurement Act 2023 s.71(2): assess the supplier's performance against the KPIs on termination and publish a contract performance notice (UK9) within 30 days.", ct);
        }, ct);

    /// <summary>POST /odata/Contracts(1)/Governance.RecordS52Exemption { "Exemption": "LightTouchContract", "Reason": "..." } — which s.52 exception applies, and why.</summary>
    [HttpPost]
    public Task<IActionResult> RecordS52Exemption([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (parameters?.GetValueOrDefault("Exemption") is not S52Exemption exemption)
            return Task.FromResult<IActionResult>(ODataErrors.BadRequest("exemption-required", $"Give the Exemption: one of {string.Join(", ", Enum.GetNames<S52Exemption>())}."));
        return ChangeStatusAsync(key, c => { c.RecordS52Exemption(exemption, parameters.GetValueOrDefault("Reason") as string); return Task.CompletedTask; }, ct);
    }

    /// <summary>POST /odata/Contracts(1)/Governance.Novate { "SupplierId": 7, "Reason": "..." } — the only way a contract's supplier changes.</summary>
    [HttpPost]
    public Task<IActionResult> Novate([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (parameters?.GetValueOrDefault("SupplierId") is not int supplierId)
            return Task.FromResult<IActionResult>(ODataErrors.BadRequest("supplier-required", "Give the SupplierId of the supplier the contract passes to."));
        return ChangeStatusAsync(key, async c =>
        {
            if (!await Db.Suppliers.AnyAsync(s => s.Id == supplierId, ct))
                throw new Domain.Common.BusinessRuleException("UnknownReference", $"SupplierId {supplierId} does not refer to an existing Supplier.", isInvalidInput: true);
            c.Novate(supplierId, parameters.GetValueOrDefault("Reason") as string, Time.GetUtcNow().UtcDateTime);
            // A novation modifies the contract: under the Act a contract change notice (UK10) is published for it (s.75).
            await Service<Notices.NoticeDesk>().RaiseForContractAsync(Domain.Notices.NoticeType.UK10, c, "The contract was novated to another supplier.",
                $"contract:{c.Id}:novated:{c.NovatedAt:yyyyMMddHHmmss}", ct);
        }, ct);
    }

    /// <summary>
    /// POST /odata/Contracts(1)/Governance.Modify { "Reason": "...", "EndOn"?, "TotalValue"?, "AnnualValue"?, "Vat"? } — the
    /// only way a contract's end or money changes after it was entered: recorded as a ContractModification, checked
    /// against s.52 at the new value, and with a UK10 raised in the same transaction where s.75 requires one.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> Modify([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!Auth.AccessRules.CanWrite("Contracts", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "contracts-write", "A contract manager modifies a contract.");
        var contract = await Scope(Db.Contracts).SingleOrDefaultAsync(c => c.Id == key, ct);
        if (contract is null)
            return NotFound(key);
        // A value of the wrong type leaves no parameters at all: say so, rather than that the reason is missing.
        if (parameters is null && !ModelState.IsValid)
            return ODataErrors.BadRequest("modification-body", "EndOn is a date like 2031-03-31; TotalValue, AnnualValue and Vat are numbers in pounds; Reason is text.");
        var asked = parameters ?? [];
        var after = ContractModifier.Requested(contract, ActionParameters.DateOf(asked.GetValueOrDefault("EndOn")), ActionParameters.MoneyOf(asked.GetValueOrDefault("TotalValue")),
            ActionParameters.MoneyOf(asked.GetValueOrDefault("AnnualValue")), ActionParameters.MoneyOf(asked.GetValueOrDefault("Vat")));
        var modification = await Service<ContractModifier>().ModifyAsync(contract, after, asked.GetValueOrDefault("Reason") as string, User.Identity?.Name ?? "", ct);
        await Db.SaveChangesAsync(ct);
        return Ok(modification);
    }

    /// <summary>GET /odata/Contracts(1)/Governance.ServiceCredits(): credits per period from red KPIs (missing and disputed returns included), by the contract's rules.</summary>
    [HttpGet]
    public async Task<IActionResult> ServiceCredits([FromODataUri] int key, CancellationToken ct) =>
        await ReadableRows().AnyAsync(c => c.Id == key, ct) ? Ok(await Performance.ServiceCreditsAsync(key, ct)) : NotFound(key);

    private async Task<IActionResult> ChangeStatusAsync(int key, Func<Contract, Task> change, CancellationToken ct)
    {
        if (!Auth.AccessRules.CanWrite("Contracts", User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "contracts-write", "A contract manager changes a contract's status.");
        var contract = await Scope(Db.Contracts).SingleOrDefaultAsync(c => c.Id == key, ct);
        if (contract is null)
            return NotFound(key);
        await change(contract);
        await Db.SaveChangesAsync(ct);
        return Ok(contract);
    }

    private static ObjectResult NotFound(int key) => ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Contract {key} does not exist.");
}
