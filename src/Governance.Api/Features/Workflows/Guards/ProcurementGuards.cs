using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Domain.Tendering;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Guards;

/// <summary>procurement:shortlist-ready — at least three candidates shortlisted, or the reason for fewer recorded (PCR 2015 reg 65).</summary>
internal sealed class ShortlistReadyGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public const int MinimumCandidates = 3;

    public string Name => "procurement:shortlist-ready";

    public string Description => $"At least {MinimumCandidates} candidates are shortlisted, or the reason for fewer is recorded (reg 65).";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        var shortlisted = await db.Bidders.CountAsync(b => b.ProcurementId == context.Subject.Id
            && (b.Status == BidderStatus.Shortlisted || b.Status == BidderStatus.InDialogue), ct);
        return shortlisted >= MinimumCandidates
            || (shortlisted > 0 && await db.Procurements.AnyAsync(p => p.Id == context.Subject.Id && p.ShortlistReason != null, ct));
    }
}

/// <summary>procurement:participation-period-elapsed — 30 days since the contract notice was sent (PCR 2015 reg 30).</summary>
internal sealed class ParticipationPeriodGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public string Name => "procurement:participation-period-elapsed";

    public string Description => "The 30-day period for requests to participate has passed since the contract notice (reg 30).";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        var sent = await db.Procurements.Where(p => p.Id == context.Subject.Id).Select(p => p.ContractNoticeSentOn).SingleOrDefaultAsync(ct);
        return sent is { } date && LondonTime.DateOf(context.NowUtc) >= StatutoryClocks.Reg30EarliestParticipationDeadline(date);
    }
}

/// <summary>procurement:tendering-period-elapsed — the minimum tendering period has passed since the tender notice (PA 2023 s.54).</summary>
internal sealed class TenderingPeriodGuard(GovernanceDbContext db) : IWorkflowGuard
{
    public string Name => "procurement:tendering-period-elapsed";

    public string Description => "The 25-day minimum tendering period has passed since the tender notice (s.54).";

    public async Task<bool> HoldsAsync(GuardContext context, CancellationToken ct)
    {
        var published = await db.Procurements.Where(p => p.Id == context.Subject.Id).Select(p => p.ContractNoticeSentOn).SingleOrDefaultAsync(ct);
        return published is { } date && LondonTime.DateOf(context.NowUtc) > StatutoryClocks.Pa2023EarliestTenderDeadline(date);
    }
}
