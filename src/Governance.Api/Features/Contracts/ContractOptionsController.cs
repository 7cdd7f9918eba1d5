using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Contracts;

namespace Governance.Api.Features.Contracts;

/// <summary>Extension options and break clauses, with notice dates the reminder job watches.</summary>
public sealed class ContractOptionsController(GovernanceDbContext db, TimeProvider time) : EditableEntitySetController<ContractOption>(db, time)
{
    protected override Expression<Func<ContractOption, bool>> SupplierRows(int supplierId) => o => Db.Contracts.Any(c => c.Id == o.ContractId && c.SupplierId == supplierId);
}
