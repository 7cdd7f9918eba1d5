using System.Security.Claims;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering.Bids;

/// <summary>
/// Clarification questions: a bidder asks its own, the team answers, and publishing sends the answer to every bidder
/// without saying who asked. The API's ClarificationQuestions and the portal's bidder and procurement pages both come
/// here, so who may do what is decided once. Nothing is saved here: the caller saves, in one transaction.
/// </summary>
public sealed class Clarifications(GovernanceDbContext db, ProcurementTeam team, BidderLetters letters, TimeProvider time)
{
    /// <summary>A bidder's own question, stamped now; the refusal when the caller is not that bidder.</summary>
    public async Task<ObjectResult?> AskAsync(ClarificationQuestion question, ClaimsPrincipal user, CancellationToken ct)
    {
        var bidder = await team.OwnBidderAsync(question.ProcurementId, user, ct);
        if (bidder is null || bidder.Id != question.BidderId)
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "own-bids-only", "A bidder asks its own clarification questions.");
        question.AskedAt = time.GetUtcNow().UtcDateTime;
        return null;
    }

    /// <summary>The team's answer to a question it can see; refused once the answer is published.</summary>
    public Task<(ClarificationQuestion? Question, ObjectResult? Refused)> AnswerAsync(int key, string? answer, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(key, user, q =>
        {
            if (string.IsNullOrWhiteSpace(answer))
                return ODataErrors.BadRequest("answer-required", "Give the Answer.");
            if (q.PublishedAt is not null)
                return ODataErrors.Error(StatusCodes.Status409Conflict, "published", "The answer is already published to all bidders.");
            q.Answer = answer.Trim();
            q.AnsweredAt = time.GetUtcNow().UtcDateTime;
            return null;
        }, ct);

    /// <summary>Publishes an answered question to every bidder, anonymously, and tells them.</summary>
    public async Task<(ClarificationQuestion? Question, ObjectResult? Refused)> PublishAsync(int key, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await ChangeAsync(key, user, q =>
        {
            if (q.Answer is null)
                return ODataErrors.Error(StatusCodes.Status409Conflict, "not-answered", "Answer the question before publishing it.");
            q.PublishedAt ??= time.GetUtcNow().UtcDateTime;
            return null;
        }, ct);
        if (outcome is ({ } question, null))
        {
            var procurement = await db.Procurements.AsNoTracking().SingleAsync(p => p.Id == question.ProcurementId, ct);
            await letters.ClarificationPublishedAsync(procurement, question.Question, question.Answer!, question.Id, ct);
        }
        return outcome;
    }

    /// <summary>Not found (null, null) when the caller cannot see the question; refused when not on the team or the change is refused.</summary>
    private async Task<(ClarificationQuestion?, ObjectResult?)> ChangeAsync(int key, ClaimsPrincipal user, Func<ClarificationQuestion, ObjectResult?> change, CancellationToken ct)
    {
        var question = await team.Confidential(db.ClarificationQuestions, user).SingleOrDefaultAsync(q => q.Id == key, ct);
        if (question is null)
            return (null, null);
        if (await team.RefuseChangeAsync(question.ProcurementId, user, ct) is { } notTeam)
            return (question, notTeam);
        return (question, change(question));
    }
}
