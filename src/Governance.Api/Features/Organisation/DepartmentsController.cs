using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Organisation;

namespace Governance.Api.Features.Organisation;

public sealed class DepartmentsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<Department>(db, time)
{
    protected override Expression<Func<Department, bool>> SupplierRows(int supplierId) => _ => true;
}
