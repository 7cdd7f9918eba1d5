using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Governance.Api.OData;
using Governance.Domain.Calendar;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

/// <summary>
/// Decisions with the vote, published the day they are recorded; councillors call one in within five working days
/// (Decision.CallInBy) and it is held until the overview and scrutiny committee considers it (Decision.ConsiderCallIn).
/// </summary>
public sealed class DecisionsController(GovernanceDbContext db, TimeProvider time, StatutoryClocks clocks) : AppendOnlyEntitySetController<Decision>(db)
{
    /// <summary>Who may call a decision in: councillors (non-executive members). The portal asks the same.</summary>
    public static bool MayCallIn(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Councillor);

    protected override Task<IActionResult?> BeforeCreateAsync(Decision entity, CancellationToken ct)
    {
        entity.Publish(LondonTime.DateOf(time.GetUtcNow().UtcDateTime), clocks.Days);
        return Task.FromResult<IActionResult?>(null);
    }

    /// <summary>POST /odata/Decisions(1)/Governance.CallIn { "Reason": "..." }: by a councillor, within the window.</summary>
    [HttpPost]
    public async Task<IActionResult> CallIn([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!MayCallIn(User))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "councillors-call-in", "Councillors call a decision in.");
        var decision = await Db.Decisions.SingleOrDefaultAsync(d => d.Id == key, ct);
        if (decision is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Decision {key} does not exist.");
        var now = time.GetUtcNow().UtcDateTime;
        decision.CallInBy(User.Identity?.Name ?? "", parameters?.GetValueOrDefault("Reason") as string ?? "", now, LondonTime.DateOf(now));
        await Db.SaveChangesAsync(ct);
        return Ok(decision);
    }

    /// <summary>POST /odata/Decisions(1)/Governance.ConsiderCallIn { "ReferBack": false, "Minute": "..." }: democratic services record the committee's resolution.</summary>
    [HttpPost]
    public async Task<IActionResult> ConsiderCallIn([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.DemocraticServicesOfficer))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "democratic-services-record", "Democratic services record the committee's resolution on a call-in.");
        if (parameters?.GetValueOrDefault("ReferBack") is not bool referBack)
            return ODataErrors.BadRequest("refer-back-required", "Say whether the committee referred the decision back (ReferBack: true or false).");
        var decision = await Db.Decisions.SingleOrDefaultAsync(d => d.Id == key, ct);
        if (decision is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Decision {key} does not exist.");
        decision.ConsiderCallIn(referBack, parameters.GetValueOrDefault("Minute") as string ?? "", LondonTime.DateOf(time.GetUtcNow().UtcDateTime));
        await Db.SaveChangesAsync(ct);
        return Ok(decision);
    }
}

/// <summary>
/// Forward-plan entries: published on the day they are recorded (ForwardPlanEntry.Publish), and held to 28 clear
/// days' notice or an urgency route's conditions on every change (ForwardPlanEntry.CheckNotice).
/// </summary>
public sealed class ForwardPlanEntriesController(GovernanceDbContext db, TimeProvider time, StatutoryClocks clocks) : EditableEntitySetController<ForwardPlanEntry>(db, time)
{
    protected override Task<IActionResult?> BeforeCreateAsync(ForwardPlanEntry entity, CancellationToken ct)
    {
        entity.Publish(Time.GetUtcNow().UtcDateTime, clocks);
        return Task.FromResult<IActionResult?>(null);
    }

    protected override Task<IActionResult?> BeforeUpdateAsync(ForwardPlanEntry entity, CancellationToken ct)
    {
        entity.CheckNotice(clocks);
        return Task.FromResult<IActionResult?>(null);
    }
}

/// <summary>Councillors and union representatives ask; officers answer by the due date.</summary>
public sealed class ScrutinyQuestionsController(GovernanceDbContext db, TimeProvider time, StatutoryClocks clocks) : AppendOnlyEntitySetController<ScrutinyQuestion>(db)
{
    private static readonly string[] Officers = [Roles.ProcurementOfficer, Roles.ContractManager, Roles.SlaOwner, Roles.DemocraticServicesOfficer, Roles.StatutoryOfficer];

    protected override Task<IActionResult?> BeforeCreateAsync(ScrutinyQuestion entity, CancellationToken ct)
    {
        entity.Ask(User.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime, clocks.Days);
        return Task.FromResult<IActionResult?>(null);
    }

    /// <summary>POST /odata/ScrutinyQuestions(1)/Governance.Answer { "Answer": "..." }</summary>
    [HttpPost]
    public async Task<IActionResult> Answer([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!Officers.Any(User.IsInRole))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "officers-answer", "Officers answer scrutiny questions.");
        if (parameters?.GetValueOrDefault("Answer") is not string answer || string.IsNullOrWhiteSpace(answer))
            return ODataErrors.BadRequest("answer-required", "Give the Answer.");
        var question = await Db.ScrutinyQuestions.SingleOrDefaultAsync(q => q.Id == key, ct);
        if (question is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"ScrutinyQuestion {key} does not exist.");
        if (question.Answer is not null)
            return ODataErrors.Error(StatusCodes.Status409Conflict, "answered", "The question is already answered.");
        question.Answer = answer;
        question.AnsweredBy = User.Identity?.Name;
        question.AnsweredAt = time.GetUtcNow().UtcDateTime;
        await Db.SaveChangesAsync(ct);
        return Ok(question);
    }
}

/// <summary>Union consultations: opening one notifies the union representative; the representative responds.</summary>
public sealed class ConsultationsController(GovernanceDbContext db, TimeProvider time, StatutoryClocks clocks, NotificationOutbox outbox) : AppendOnlyEntitySetController<Consultation>(db)
{
    protected override Task<IActionResult?> BeforeCreateAsync(Consultation entity, CancellationToken ct)
    {
        entity.Open(time.GetUtcNow().UtcDateTime, clocks.Days);
        return Task.FromResult<IActionResult?>(null);
    }

    protected override async Task AfterCreateAsync(Consultation entity, CancellationToken ct)
    {
        await outbox.AddAsync($"consultation:{entity.Id}:opened", Roles.UnionRepresentative, null, $"Consultation: {entity.Topic}",
            $"Please respond by {entity.RespondBy:d MMMM yyyy}. Your response goes into the committee paper.", Notifications.PortalLinks.For(nameof(Consultation), entity.Id), (nameof(Consultation), entity.Id), ct);
        await Db.SaveChangesAsync(ct);
    }

    /// <summary>POST /odata/Consultations(1)/Governance.Respond { "Response": "..." } — by the union representative.</summary>
    [HttpPost]
    public async Task<IActionResult> Respond([FromODataUri] int key, [FromBody] ODataActionParameters? parameters, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.UnionRepresentative))
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "union-responds", "The union representative responds to a consultation.");
        var consultation = await Db.Consultations.SingleOrDefaultAsync(c => c.Id == key, ct);
        if (consultation is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"Consultation {key} does not exist.");
        consultation.Respond(parameters?.GetValueOrDefault("Response") as string ?? "", User.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(ct);
        return Ok(consultation);
    }
}
