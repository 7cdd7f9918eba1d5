using System.Globalization;
using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Governance.Domain.Calendar;
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

    /// <summary>A stage that takes submissions has opened: every bidder still competing is invited, with the deadline if set.</summary>
    public async Task StageOpenedAsync(Procurement procurement, ProcurementStage stage, DateTime? deadline, CancellationToken ct)
    {
        var body = deadline is { } at
            ? $"The {stage} stage has opened. Submissions close at {at.ToString("dddd d MMMM yyyy HH:mm 'UTC'", English)}."
            : $"The {stage} stage has opened. You will be told its submission deadline when it is set.";
        foreach (var bidder in await ActiveAsync(procurement.Id, ct))
            await TellAsync(procurement, bidder, $"stage:{stage}:{bidder.Id}", $"{stage} has opened", body, ct);
    }

    /// <summary>A clarification was published: every bidder still competing reads the question and answer, never who asked.</summary>
    public async Task ClarificationPublishedAsync(Procurement procurement, string question, string answer, int clarificationId, CancellationToken ct)
    {
        foreach (var bidder in await ActiveAsync(procurement.Id, ct))
            await TellAsync(procurement, bidder, $"clarification:{clarificationId}:{bidder.Id}", "Clarification published", $"Question: {question}{Environment.NewLine}Answer: {answer}", ct);
    }

    /// <summary>The bidder's own award decision letter (or assessment summary) is ready to read.</summary>
    public Task AwardLetterAsync(Procurement procurement, Bidder bidder, bool successful, int round, CancellationToken ct) =>
        TellAsync(procurement, bidder, $"award-letter:{round}:{bidder.Id}", successful ? "Award decision: your tender was successful" : "Award decision: your tender was not successful",
            "Your award decision letter, with the scores, the reasons and the end of the standstill period, is in AwardLetters.", ct);

    /// <summary>The council asks the bidder to clarify, specify or optimise its final tender, saying what it asks.</summary>
    public Task ChangeRequestedAsync(Procurement procurement, Bidder bidder, Domain.Tendering.Bids.TenderChangeRequest request, CancellationToken ct) =>
        TellAsync(procurement, bidder, $"change-request:{request.RequestedAt.Ticks}:{bidder.Id}", $"The council asks for a {request.Kind} of your final tender",
            $"{request.Request}{Environment.NewLine}Answer with a {request.Kind} submission naming this request; the price cannot change.", ct);

    /// <summary>
    /// The award decision, told to a candidate or tenderer that left at an earlier stage (reg 86 informs each one
    /// concerned): who is to be awarded the contract, and the stage and reason of its own exit, which it was told then.
    /// </summary>
    public Task AwardDecidedAsync(Procurement procurement, Bidder former, string winner, int round, CancellationToken ct) =>
        TellAsync(procurement, former, $"award-decided:{round}:{former.Id}", "Award decision",
            $"The council intends to award the contract to {winner}. Your participation ended at {former.ExitStage}: {former.ExitReason}", ct);

    /// <summary>The contract award notice is published: standstill has begun, and ends at the given instant.</summary>
    public Task StandstillAsync(Procurement procurement, Bidder bidder, DateTime endsAt, CancellationToken ct) =>
        TellAsync(procurement, bidder, $"standstill:{endsAt.Ticks}:{bidder.Id}", "Contract award notice published",
            $"The contract award notice is published and standstill has begun. The council will not enter into the contract before midnight at the end of {LondonTime.DateOf(endsAt.AddTicks(-1)).ToString("dddd d MMMM yyyy", English)} (UK time).",
            ct);

    private Task<List<Bidder>> ActiveAsync(int procurementId, CancellationToken ct) =>
        db.Bidders.AsNoTracking().Where(b => b.ProcurementId == procurementId && Bidder.Active.Contains(b.Status)).ToListAsync(ct);

    private async Task TellAsync(Procurement procurement, Bidder bidder, string key, string subject, string body, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.SupplierId == bidder.SupplierId && u.UserName != null).Select(u => u.UserName!).ToListAsync(ct);
        foreach (var account in accounts)
        {
            await outbox.AddAsync($"bidder:{procurement.Id}:{key}:{account}", role: null, account,
                $"{subject}: {procurement.Reference} {procurement.Title}", body, Notifications.PortalLinks.Bid(procurement.Id),
                about: null, ct); // addressed to the bidder alone, about its own bid: personal correspondence, not derived business
        }
    }
}
