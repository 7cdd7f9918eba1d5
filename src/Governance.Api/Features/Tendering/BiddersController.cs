using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering;

namespace Governance.Api.Features.Tendering;

public sealed class BiddersController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Bidder>(db, time)
{
    protected override Expression<Func<Bidder, bool>> SupplierRows(int supplierId) => b => b.SupplierId == supplierId;
}
