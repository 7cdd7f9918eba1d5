using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Features.Contracts;

public sealed class IndicatorsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Indicator>(db, time)
{
    protected override Expression<Func<Indicator, bool>> SupplierRows(int supplierId) => i => i.Contract!.SupplierId == supplierId;

    protected override Task<IActionResult?> BeforeCreateAsync(Indicator entity, CancellationToken ct) => Task.FromResult<IActionResult?>(CheckOwner(entity));

    protected override Task<IActionResult?> BeforeUpdateAsync(Indicator entity, CancellationToken ct) => Task.FromResult<IActionResult?>(CheckOwner(entity));

    private static ObjectResult? CheckOwner(Indicator indicator) =>
        (indicator.ContractId is null) == (indicator.InternalSlaId is null)
            ? ODataErrors.BadRequest("indicator-one-owner", "An indicator belongs to exactly one contract (a KPI) or one internal SLA (a standard): give ContractId or InternalSlaId, not both.")
            : null;
}
