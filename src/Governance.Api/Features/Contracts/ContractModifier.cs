using Governance.Api.Data;
using Governance.Api.Features.Notices;
using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Governance.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

/// <summary>
/// A contract's modification as one unit, for the API's Modify and the portal's form alike: the domain's rules
/// (<see cref="Contract.Modify"/>), s.52 at the new value for a live Act contract whose value rises, the record, and a UK10 where s.75
/// requires one. Adds to the context; the caller saves, so it all lands in one transaction or not at all.
/// </summary>
public sealed class ContractModifier(GovernanceDbContext db, NoticeDesk notices, TimeProvider time)
{
    /// <summary>The contract's terms with whatever the request changes (EndOn, TotalValue, AnnualValue, Vat); the rest as they are.</summary>
    public static ContractTerms Requested(Contract contract, DateOnly? endOn, decimal? totalValue, decimal? annualValue, decimal? vat) =>
        new(endOn ?? contract.EndOn, totalValue ?? contract.TotalValue, annualValue ?? contract.AnnualValue, vat ?? contract.Vat);

    public async Task<ContractModification> ModifyAsync(Contract contract, ContractTerms after, string? reason, string by, CancellationToken ct)
    {
        // s.75 measures from the contract as awarded: the first modification's "before", or the contract as it stands if none.
        var first = await db.ContractModifications.AsNoTracking().Where(m => m.ContractId == contract.Id).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        var underAct = await notices.UnderProcurementActAsync(contract.ProcurementId, contract.StartOn, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var modification = contract.Modify(after, reason, first?.Before, underAct, LondonTime.DateOf(now), now, by);
        // s.52 is the Act's: a live Act contract whose value grows keeps three KPIs at its new value.
        if (underAct && after.EstimatedValue > modification.Before.EstimatedValue)
            await ContractFacts.RefuseTooFewKpisAsync(db, contract, ct);

        db.ContractModifications.Add(modification);
        if (modification.ChangeNoticeRequired)
        {
            modification.ChangeNoticeKey = $"contract:{contract.Id}:modified:{now:yyyyMMddHHmmssfffffff}";
            await notices.RaiseForContractAsync(NoticeType.UK10, contract, "The contract's term or value is to be modified beyond s.75(2)'s limits.", modification.ChangeNoticeKey, ct);
        }

        return modification;
    }
}
