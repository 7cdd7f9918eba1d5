using System.Globalization;
using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

/// <summary>
/// What bidders are told, each by name: the accounts of the bidder's own supplier receive it, nobody else. A
/// notification says only what that bidder may know (its own outcome and reasons, and what every bidder is told).
/// </summary>
public sealed class BidderLetters(GovernanceDbContext db, NotificationOutbox outbox)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Shortlisted or not, with the reason, after selection.</summary>
    public async Task ShortlistAsync(Procurement procurement, IEnumerable<Bidder> candidates, CancellationToken ct)
    {
        foreach (var candidate in candidates)
        {
            var invited = candidate.Status == BidderStatus.Shortlisted;
            await TellAsync(procurement, candidate, $"shortlist:{candidate.Id}",
                invited ? "You are invited to the dialogue" : "You have not been shortlisted",
                invited
                    ? "Your request to participate was successful: you are invited to submit outline solutions."
                    : $"Your request to participate was not successful. Reason: {candidate.ExitReason}. Selection score: {candidate.SelectionScore?.ToString("0.#", English) ?? "not scored"} out of 100.",
                ct);
        }
    }

    /// <summary>Eliminated at a stage, with the reasons and the scores on the stage's criteria.</summary>
    public Task EliminatedAsync(Procurement procurement, Bidder bidder, CancellationToken ct) =>
        TellAsync(procurement, bidder, $"eliminated:{bidder.Id}", $"Your solution was not taken forward at {bidder.ExitStage}",
            $"Your solution will not be taken to the next stage. {bidder.ExitReason}", ct);

    /// <summary>A stage's deadline was set or extended: every bidder still competing is told, with the reason.</summary>
    public async Task DeadlineAsync(Procurement procurement, ProcurementStageDate stage, CancellationToken ct)
    {
        var when = stage.SubmissionDeadline!.Value.ToString("dddd d MMMM yyyy HH:mm 'UTC'", English);
        var body = stage.DeadlineChangeReason is null
            ? $"Submissions for {stage.Stage} close at {when}."
            : $"The {stage.Stage} deadline is extended to {when}. Reason: {stage.DeadlineChangeReason}";
        foreach (var bidder in await ActiveAsync(procurement.Id, ct))
            await TellAsync(procurement, bidder, $"deadline:{stage.Stage}:{stage.SubmissionDeadline.Value.Ticks}:{bidder.Id}", $"{stage.Stage} deadline", body, ct);
    }

    private Task<List<Bidder>> ActiveAsync(int procurementId, CancellationToken ct) =>
        db.Bidders.AsNoTracking().Where(b => b.ProcurementId == procurementId && Bidder.Active.Contains(b.Status)).ToListAsync(ct);

    private async Task TellAsync(Procurement procurement, Bidder bidder, string key, string subject, string body, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.SupplierId == bidder.SupplierId && u.UserName != null).Select(u => u.UserName!).ToListAsync(ct);
        foreach (var account in accounts)
        {
            await outbox.AddAsync($"bidder:{procurement.Id}:{key}:{account}", role: null, account,
                $"{subject}: {procurement.Reference} {procurement.Title}", body, $"/odata/Procurements({procurement.Id})", ct);
        }
    }
}
