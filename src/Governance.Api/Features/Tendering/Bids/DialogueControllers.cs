using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering.Bids;

/// <summary>Dialogue sessions with one bidder: minutes are confidential to the team and that bidder. Closing dialogue ends them.</summary>
public sealed class DialogueSessionsController(GovernanceDbContext db, ProcurementTeam team, TimeProvider time) : ConfidentialRecordController<DialogueSession>(db, team)
{
    protected override async Task<IActionResult?> BeforeCreateAsync(DialogueSession entity, CancellationToken ct)
    {
        if (await base.BeforeCreateAsync(entity, ct) is { } refused)
            return refused;
        var stage = await Db.Procurements.Where(p => p.Id == entity.ProcurementId).Select(p => p.Stage).SingleAsync(ct);
        if (!TenderingRules.DialogueStages.Contains(stage))
            return ODataErrors.Error(StatusCodes.Status409Conflict, "dialogue-closed", $"Dialogue sessions happen at the outline and detailed solutions stages; the procurement is at {stage}.");
        var opened = await Db.ProcurementStageDates.Where(d => d.ProcurementId == entity.ProcurementId && d.Stage == stage).Select(d => d.ActualOn).SingleOrDefaultAsync(ct);
        entity.CheckHeldOn(opened ?? DateOnly.MinValue, Domain.Calendar.LondonTime.DateOf(time.GetUtcNow().UtcDateTime));
        return null;
    }
}

/// <summary>
/// Clarification questions: a bidder asks, the team answers, and the answer is published to every bidder
/// (PublishedClarifications) without saying who asked.
/// </summary>
public sealed class ClarificationQuestionsController(GovernanceDbContext db, ProcurementTeam team, Clarifications clarifications)
    : ConfidentialRecordController<ClarificationQuestion>(db, team)
{
    protected override async Task<IActionResult?> BeforeCreateAsync(ClarificationQuestion entity, CancellationToken ct) => await clarifications.AskAsync(entity, User, ct);

    /// <summary>POST /odata/ClarificationQuestions(1)/Governance.Answer { "Answer": "..." }</summary>
    [HttpPost]
    public async Task<IActionResult> Answer([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct) =>
        await SaveAsync(key, await clarifications.AnswerAsync(key, parameters?.GetValueOrDefault("Answer") as string, User, ct), ct);

    /// <summary>POST /odata/ClarificationQuestions(1)/Governance.Publish: the answer goes to every bidder, anonymously.</summary>
    [HttpPost]
    public async Task<IActionResult> Publish([FromODataUri] int key, CancellationToken ct) =>
        await SaveAsync(key, await clarifications.PublishAsync(key, User, ct), ct);

    private async Task<IActionResult> SaveAsync(int key, (ClarificationQuestion? Question, ObjectResult? Refused) outcome, CancellationToken ct)
    {
        if (outcome.Refused is { } refused)
            return refused;
        if (outcome.Question is not { } question)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"ClarificationQuestion {key} does not exist.");
        await Db.SaveChangesAsync(ct);
        return Ok(question);
    }
}

/// <summary>A bidder records its own specific consent to share a named part of its solution.</summary>
public sealed class ConsentRecordsController(GovernanceDbContext db, ProcurementTeam team, TimeProvider time) : ConfidentialRecordController<ConsentRecord>(db, team)
{
    protected override async Task<IActionResult?> BeforeCreateAsync(ConsentRecord entity, CancellationToken ct)
    {
        var bidder = await Team.OwnBidderAsync(entity.ProcurementId, User, ct);
        if (bidder is null || bidder.Id != entity.BidderId)
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "own-bids-only", "Only the bidder itself can consent to sharing its solution.");
        entity.GivenBy = User.Identity?.Name ?? "";
        entity.GivenAt = time.GetUtcNow().UtcDateTime;
        return null;
    }
}

/// <summary>Sharing part of a bidder's solution is recorded, and refused without that bidder's consent to that part.</summary>
public sealed class SolutionDisclosuresController(GovernanceDbContext db, ProcurementTeam team, TimeProvider time) : ConfidentialRecordController<SolutionDisclosure>(db, team)
{
    protected override async Task<IActionResult?> BeforeCreateAsync(SolutionDisclosure entity, CancellationToken ct)
    {
        if (await base.BeforeCreateAsync(entity, ct) is { } refused)
            return refused;
        var consents = await Db.ConsentRecords.AsNoTracking()
            .Where(c => c.ProcurementId == entity.ProcurementId && c.BidderId == entity.BidderId)
            .OrderByDescending(c => c.GivenAt).ToListAsync(ct);
        var consent = consents.FirstOrDefault(c => string.Equals(c.Part.Trim(), entity.Part.Trim(), StringComparison.OrdinalIgnoreCase));
        if (consent is null)
        {
            return ODataErrors.Error(StatusCodes.Status409Conflict, "no-consent",
                $"The bidder has not consented to sharing '{entity.Part}'. A bidder's solution is never revealed to others without its specific consent.");
        }

        entity.ConsentRecordId = consent.Id;
        entity.DisclosedBy = User.Identity?.Name ?? "";
        entity.DisclosedAt = time.GetUtcNow().UtcDateTime;
        return null;
    }
}
