using System.Linq.Expressions;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Api.OData;
using Governance.Domain.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Features.Organisation;

public sealed class SuppliersController(GovernanceDbContext db, TimeProvider time, ContractPerformance performance) : EditableEntitySetController<Supplier>(db, time)
{
    /// <summary>GET /odata/Suppliers/Governance.Dependency(): each supplier's share of live contract value (council roles).</summary>
    [HttpGet]
    public async Task<IActionResult> Dependency(CancellationToken ct) =>
        User.SupplierScope() is not null
            ? ODataErrors.Error(StatusCodes.Status403Forbidden, "dependency", "Suppliers do not see other suppliers' shares.")
            : Ok(await performance.SupplierDependencyAsync(ct));

    protected override Expression<Func<Supplier, bool>> SupplierRows(int supplierId) => s => s.Id == supplierId;
}
