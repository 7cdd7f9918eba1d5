using Governance.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

/// <summary>What the contract rules read from the rest of the register: its live KPIs and its options.</summary>
public static class ContractFacts
{
    /// <summary>The estimated value of the contract's options (extensions), which s.52 counts with VAT in the contract's value.</summary>
    public static Task<decimal> OptionsValueAsync(GovernanceDbContext db, int contractId, CancellationToken ct) =>
        db.ContractOptions.Where(o => o.ContractId == contractId && o.ArchivedAt == null).SumAsync(o => o.Value, ct);

    /// <summary>
    /// s.52 for a live contract as it would stand: its KPIs with <paramref name="kpiChange"/> (-1 for one archived) and
    /// its options' value, or <paramref name="optionsValue"/> when an option is being changed. A contract not live is not checked.
    /// </summary>
    public static async Task RefuseTooFewKpisAsync(GovernanceDbContext db, Domain.Contracts.Contract contract, CancellationToken ct, int kpiChange = 0, decimal? optionsValue = null)
    {
        if (contract.Status is not (Domain.Contracts.ContractStatus.Active or Domain.Contracts.ContractStatus.InRemediation))
            return;
        var (count, _) = await KpisAsync(db, contract.Id, ct);
        contract.RefuseTooFewKpis(count + kpiChange, optionsValue ?? await OptionsValueAsync(db, contract.Id, ct));
    }

    public static async Task<(int Count, decimal Weights)> KpisAsync(GovernanceDbContext db, int contractId, CancellationToken ct)
    {
        var weights = await db.Indicators.Where(i => i.ContractId == contractId && i.ArchivedAt == null).Select(i => i.Weight).ToListAsync(ct);
        return (weights.Count, weights.Sum());
    }
}
