using System.Security.Claims;
using Governance.Api.Data;
using Governance.Api.Features.Workflows;
using Governance.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Work;

/// <summary>
/// A record's workflow as a page shows it: the steps its state offers this person (each with the guards not yet met,
/// in the words each guard gives), and taking one through WorkflowCommands with the API's Fire refusals (400 not a
/// step of this state, 403 not theirs, 409 guards unmet). The caller saves, so the step and what it causes commit together.
/// </summary>
public sealed class WorkflowSteps(GovernanceDbContext db, WorkflowCommands workflows, IEnumerable<IWorkflowGuard> guards)
{
    /// <summary>What a page needs to draw its next steps and post one back.</summary>
    public sealed record View(IReadOnlyList<TriggerStatus> Steps, Func<string, string> Explain, string Action, IReadOnlyDictionary<string, string> Errors);

    /// <summary>The field a refused step's message is shown against: that step's comment box.</summary>
    public static string Field(string trigger) => $"step-{trigger}-comment";

    /// <summary>The record's current workflow instance, tracked so that a step can be taken on it.</summary>
    public Task<WorkflowInstance?> InstanceAsync(string subjectType, int subjectId, CancellationToken ct) =>
        db.Set<WorkflowInstance>().Where(i => i.SubjectType == subjectType && i.SubjectId == subjectId).OrderByDescending(i => i.StartedAt).FirstOrDefaultAsync(ct);

    public Task<IReadOnlyList<TriggerStatus>> StepsAsync(WorkflowInstance instance, ClaimsPrincipal user, CancellationToken ct) =>
        workflows.PermittedTriggersAsync(instance, Actor(user), ct);

    /// <summary>Takes a step; returns the refusal as the API gives it, or null when taken (the caller saves).</summary>
    public async Task<ObjectResult?> TakeAsync(WorkflowInstance instance, string trigger, string? comment, ClaimsPrincipal user, CancellationToken ct) =>
        await workflows.RefuseActorAsync(instance, user, ct)
        ?? WorkflowCommands.Refusal(trigger, await workflows.FireAsync(instance, trigger, Actor(user), string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), ct));

    /// <summary>A guard not yet met, in the words its guard gives, with its name as the API's 409 gives it.</summary>
    public string Explain(string guard) =>
        (guards.FirstOrDefault(g => g.Name == guard) ?? guards.FirstOrDefault(g => g.Name.EndsWith(':') && guard.StartsWith(g.Name, StringComparison.Ordinal))) is { } known
            ? $"{known.Description} ({guard})"
            : guard;

    private static WorkflowActor Actor(ClaimsPrincipal user) => new(user.Identity?.Name ?? "", user.IsInRole);
}
