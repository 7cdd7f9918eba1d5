using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Api.OData;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

public sealed class ContractsController(GovernanceDbContext db, TimeProvider time, ContractPerformance performance) : EditableEntitySetController<Contract>(db, time)
{
    protected override Expression<Func<Contract, bool>> SupplierRows(int supplierId) => c => c.SupplierId == supplierId;

    /// <summary>GET /odata/Contracts(1)/Governance.Ratings(): each period's rating from the weighted KPIs.</summary>
    [HttpGet]
    public async Task<IActionResult> Ratings([FromODataUri] int key, CancellationToken ct)
    {
        if (!await ReadableRows().AnyAsync(c => c.Id == key, ct))
            return NotFound(key);
        var ratings = await performance.PeriodRatingsAsync(key, null, null, ct);
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
        return Ok(await performance.AssessAsync(key, year, ct));
    }

    private static ObjectResult NotFound(int key) => ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Contract {key} does not exist.");
}
