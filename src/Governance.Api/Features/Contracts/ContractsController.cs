using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Contracts;

namespace Governance.Api.Features.Contracts;

public sealed class ContractsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Contract>(db, time)
{
    protected override Expression<Func<Contract, bool>> SupplierRows(int supplierId) => c => c.SupplierId == supplierId;
}
