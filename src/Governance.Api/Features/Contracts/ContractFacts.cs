using Governance.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

/// <summary>What the contract rules read from the rest of the register: its live KPIs and its options.</summary>
public static class ContractFacts
{
    /// <summary>The estimated value of the contract's options (extensions), which s.52 counts with VAT in the contract's value.</summary>
    public static Task<decimal> OptionsValueAsync(GovernanceDbContext db, int contractId, CancellationToken ct) =>
        db.ContractOptions.Where(o => o.ContractId == contractId && o.ArchivedAt == null).SumAsync(o => o.Value, ct);

    public static async Task<(int Count, decimal Weights)> KpisAsync(GovernanceDbContext db, int contractId, CancellationToken ct)
    {
        var weights = await db.Indicators.Where(i => i.ContractId == contractId && i.ArchivedAt == null).Select(i => i.Weight).ToListAsync(ct);
        return (weights.Count, weights.Sum());
    }
}
