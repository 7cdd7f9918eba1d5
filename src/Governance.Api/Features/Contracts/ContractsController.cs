using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Api.OData;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

public sealed class ContractsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Contract>(db, time)
{
    private ContractPerformance Performance => Service<ContractPerformance>();

    private Documents.PerformanceReports Reports => Service<Documents.PerformanceReports>();

    protected override Expression<Func<Contract, bool>> SupplierRows(int supplierId) => c => c.SupplierId == supplierId;

    /// <summary>GET /odata/Contracts(1)/Governance.Ratings(): each period's rating from the weighted KPIs.</summary>
    [HttpGet]
    public async Task<IActionResult> Ratings([FromODataUri] int key, CancellationToken ct)
    {
        if (!await ReadableRows().AnyAsync(c => c.Id == key, ct))
            return NotFound(key);
        var ratings = await Performance.PeriodRatingsAsync(key, null, null, ct);
        return Ok(ratings.Select(p => new PeriodRatingView { Period = p.Period, Score = p.Score, Rag = p.Rag.ToString(), KpisReported = p.KpisReported }).ToList());
    }

    /// <summary>GET /odata/Contracts(1)/Governance.AnnualAssessment(year=2015): the rating and evidence of a UK9 notice.</summary>
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
    /// POST /odata/Contracts(1)/Governance.GenerateAssessment { "Year": 2015 } — the annual assessment with its UK9 rating as a PDF,
    /// filed as a new published version.
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
        var published = await Reports.PublishAssessmentAsync(key, year, User.Identity?.Name ?? "", ct);
        return published is { } p ? Documents.PdfResults.Pdf(this, p.Document, p.Bytes) : NotFound(key);
    }

    /// <summary>POST /odata/Contracts(1)/Governance.Activate — above GBP 5m only with three KPIs (s.52).</summary>
    [HttpPost]
    public Task<IActionResult> Activate([FromODataUri] int key, CancellationToken ct) =>
        ChangeStatusAsync(key, async c => c.Activate(await Db.Indicators.CountAsync(i => i.ContractId == c.Id, ct)), ct);

    /// <summary>POST /odata/Contracts(1)/Governance.EnterRemediation { "Reason": "..." } — a reset or remediation.</summary>
    [HttpPost]
    public Task<IActionResult> EnterRemediation([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        ChangeStatusAsync(key, c => { c.EnterRemediation(parameters?.GetValueOrDefault("Reason") as string ?? ""); return Task.CompletedTask; }, ct);

    /// <summary>POST /odata/Contracts(1)/Governance.Terminate { "Reason": "..." } — a termination notice (UK11) follows.</summary>
    [HttpPost]
    public Task<IActionResult> Terminate([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        ChangeStatusAsync(key, c => { c.Terminate(parameters?.GetValueOrDefault("Reason") as string ?? ""); return Task.CompletedTask; }, ct);

    /// <summary>GET /odata/Contracts(1)/Governance.ServiceCredits(): credits per period from red KPIs, by the contract's rules.</summary>
    [HttpGet]
    public async Task<IActionResult> ServiceCredits([FromODataUri] int key, CancellationToken ct)
    {
        var contract = await ReadableRows().SingleOrDefaultAsync(c => c.Id == key, ct);
        return contract is null ? NotFound(key) : Ok(await Performance.ServiceCreditsAsync(contract, ct));
    }

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
