using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

/// <summary>Extension options and break clauses, with notice dates the reminder job watches.</summary>
public sealed class ContractOptionsController(GovernanceDbContext db, TimeProvider time, Notices.NoticeDesk law) : EditableEntitySetController<ContractOption>(db, time)
{
    protected override Expression<Func<ContractOption, bool>> SupplierRows(int supplierId) => o => Db.Contracts.Any(c => c.Id == o.ContractId && c.SupplierId == supplierId);

    protected override Task<IActionResult?> BeforeCreateAsync(ContractOption entity, CancellationToken ct) => RefuseTooFewKpisAsync(entity, ct);

    protected override Task<IActionResult?> BeforeUpdateAsync(ContractOption entity, CancellationToken ct) => RefuseTooFewKpisAsync(entity, ct);

    /// <summary>
    /// s.52 counts options in a contract's value: a live Act contract whose options take it over GBP 5m keeps three
    /// KPIs, so an option is not added or raised past that (else value lowered, a KPI dropped, the value raised again).
    /// </summary>
    private async Task<IActionResult?> RefuseTooFewKpisAsync(ContractOption option, CancellationToken ct)
    {
        var contract = await Db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == option.ContractId, ct);
        if (contract is null || !await law.UnderProcurementActAsync(contract.ProcurementId, contract.StartOn, ct))
            return null;
        // Only a rise can take the contract past s.52; a lower or unchanged option is never refused for it.
        var before = option.Id == 0 ? 0 : await Db.ContractOptions.AsNoTracking().Where(o => o.Id == option.Id).Select(o => o.Value).SingleAsync(ct);
        if (option.Value <= before)
            return null;
        var others = await Db.ContractOptions.Where(o => o.ContractId == option.ContractId && o.Id != option.Id && o.ArchivedAt == null).SumAsync(o => o.Value, ct);
        await ContractFacts.RefuseTooFewKpisAsync(Db, contract, ct, optionsValue: others + option.Value);
        return null;
    }
}
