using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Organisation;

namespace Governance.Api.Features.Organisation;

public sealed class SuppliersController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Supplier>(db, time)
{
    protected override Expression<Func<Supplier, bool>> SupplierRows(int supplierId) => s => s.Id == supplierId;
}
