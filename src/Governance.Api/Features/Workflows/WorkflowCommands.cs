using System.Text.Json;
using Governance.Api.Data;
using Governance.Api.Features.Workflows.Subjects;
using Governance.Workflows.Definitions;
using Governance.Workflows.Loading;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows;

/// <summary>
/// Starts and moves workflow instances in the caller's unit of work: the caller saves, so a fire and everything
/// it causes (history, timers, the subject's status, notifications, audit) commit together or not at all.
/// </summary>
public sealed class WorkflowCommands(
    GovernanceDbContext db, WorkflowDefinitions definitions, WorkflowRuntime runtime, WorkflowVocabulary vocabulary,
    IEnumerable<IWorkflowSubjectType> subjects, TimeProvider time)
{
    /// <summary>Starts the current version of a workflow for a record, in its initial state (or, when importing history, in a given state).</summary>
    public async Task<WorkflowInstance> StartAsync(
        string definitionId, string subjectType, int subjectId, string actor, CancellationToken ct, string? inState = null, DateTime? enteredAt = null)
    {
        var definition = definitions.Current(definitionId);
        if (definition.Subject != subjectType)
            throw new InvalidOperationException($"Workflow {definition.Key} is about {definition.Subject}, not {subjectType}.");
        var state = inState ?? definition.Initial;
        var now = time.GetUtcNow().UtcDateTime;
        var entered = enteredAt ?? now;
        var instance = new WorkflowInstance
        {
            DefinitionId = definition.Id, DefinitionVersion = definition.Version, SubjectType = subjectType, SubjectId = subjectId,
            State = state, StartedAt = now, UpdatedAt = now, EnteredStateAt = entered,
        };
        db.Add(instance);
        var trigger = inState is null ? "Start" : "Imported";
        // An imported record's step is dated when it entered that state, so history read "as at" a date (a committee
        // paper) finds it in the state it was in then.
        AddStep(instance, "", state, trigger, actor, inState is null ? null : "Imported in this state from earlier records", entered, "{}");
        var timer = await ScheduleAsync(definition, instance, entered, ct);
        await SubjectOf(subjectType).OnEnteredAsync(subjectId, state, null, timer?.DueAt, now, ct);
        if (inState is null)
            await RunActionsAsync(definition, instance, definition.State(state).OnEnter, trigger, actor, null, now, ct);
        return instance;
    }

    public const int MaxCommentLength = 4000;

    public Task<IReadOnlyList<TriggerStatus>> PermittedTriggersAsync(WorkflowInstance instance, WorkflowActor actor, CancellationToken ct) =>
        runtime.PermittedTriggersAsync(DefinitionOf(instance), SubjectOf(instance), actor, time.GetUtcNow().UtcDateTime, ct);

    /// <summary>
    /// Fires a trigger on a tracked instance. Only an accepted outcome changes anything. A caller that has already
    /// loaded the instance's unfired, uncancelled timers (a sweep loads a whole batch's at once) passes them.
    /// </summary>
    public async Task<FireOutcome> FireAsync(
        WorkflowInstance instance, string trigger, WorkflowActor actor, string? comment, CancellationToken ct, IReadOnlyList<WorkflowTimer>? openTimers = null)
    {
        // The comment goes into the step's record, whose column holds 4,000 characters: said here, not by the database.
        if (comment?.Length > MaxCommentLength)
            throw new Domain.Common.BusinessRuleException("comment-length", $"Keep the comment to {MaxCommentLength:N0} characters; this one has {comment.Length:N0}.", isInvalidInput: true);
        var definition = DefinitionOf(instance);
        var now = time.GetUtcNow().UtcDateTime;
        var outcome = await runtime.FireAsync(definition, SubjectOf(instance), trigger, actor, comment, now, ct);
        if (outcome is not FireOutcome.Accepted accepted)
            return outcome;

        var stored = openTimers ?? await OpenTimers.Where(t => t.WorkflowInstanceId == instance.Id).ToListAsync(ct);
        // Checked again in memory: a timer being fired right now is already marked fired but not yet saved.
        foreach (var timer in stored.Where(t => t.FiredAt is null && t.CancelledAt is null))
        {
            timer.CancelledAt = now;
            timer.Outcome = $"cancelled: left {instance.State} by {trigger}";
        }

        AddStep(instance, accepted.From, accepted.To, trigger, actor.Name, comment, now, JsonSerializer.Serialize(accepted.GuardResults));
        instance.State = accepted.To;
        instance.UpdatedAt = now;
        instance.EnteredStateAt = now;
        var scheduled = accepted.Timer is { } t ? AddTimer(instance, t) : null;
        var subject = SubjectOf(instance.SubjectType);
        await subject.OnEnteredAsync(instance.SubjectId, accepted.To, comment, scheduled?.DueAt, now, ct);
        if (await subject.PassOverAsync(instance.SubjectId, accepted.To, ct) is { } pass)
        {
            // Passed over: the state's notifications and reports are for records that stop here.
            await FireAsync(instance, pass.Trigger, WorkflowActor.System("route"), pass.Reason, ct, [.. stored, .. scheduled is null ? [] : new[] { scheduled }]);
            return outcome;
        }

        await RunActionsAsync(definition, instance, accepted.OnEnter, trigger, actor.Name, comment, now, ct);
        return outcome;
    }

    /// <summary>Why a fire was refused, as the API answers it (400 not in state, 403 role, 409 guards); null when it was accepted.</summary>
    public static Microsoft.AspNetCore.Mvc.ObjectResult? Refusal(string trigger, FireOutcome outcome) => outcome switch
    {
        FireOutcome.NotInState notInState => OData.ODataErrors.BadRequest("TriggerNotInState",
            $"'{trigger}' is not a trigger of state {notInState.State}; it has: {string.Join(", ", notInState.Triggers)}."),
        FireOutcome.RoleNotAllowed roles => OData.ODataErrors.Error(StatusCodes.Status403Forbidden, "RoleNotAllowed",
            roles.Roles.Count == 0 ? $"'{trigger}' is fired by its timer only." : $"'{trigger}' may be fired by: {string.Join(", ", roles.Roles)}."),
        FireOutcome.GuardsUnmet unmet => OData.ODataErrors.Error(StatusCodes.Status409Conflict, "GuardsUnmet",
            $"'{trigger}' cannot fire yet; unmet: {string.Join(", ", unmet.Guards)}."),
        _ => null,
    };

    /// <summary>Whether this person may act on the instance's record at all (its subject type's object-level check); null when they may.</summary>
    public Task<Microsoft.AspNetCore.Mvc.ObjectResult?> RefuseActorAsync(WorkflowInstance instance, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        SubjectOf(instance.SubjectType).RefuseActorAsync(instance.SubjectId, user, ct);

    /// <summary>Timers neither fired nor cancelled: the ones that may still fire.</summary>
    public IQueryable<WorkflowTimer> OpenTimers => db.Set<WorkflowTimer>().Where(t => t.FiredAt == null && t.CancelledAt == null);

    /// <summary>
    /// Brings what firing these instances reads into the unit of work at once (their subjects, through each subject
    /// type's LoadAsync), and returns their open timers by instance to pass to <see cref="FireAsync"/>: a sweep
    /// then needs no query of its own for each fire.
    /// </summary>
    public async Task<ILookup<int, WorkflowTimer>> LoadForFiringAsync(IReadOnlyCollection<WorkflowInstance> instances, CancellationToken ct)
    {
        var ids = instances.Select(i => i.Id).ToList();
        var open = (await OpenTimers.Where(t => ids.Contains(t.WorkflowInstanceId)).ToListAsync(ct)).ToLookup(t => t.WorkflowInstanceId);
        foreach (var group in instances.GroupBy(i => i.SubjectType))
        {
            if (subjects.FirstOrDefault(s => s.SubjectType == group.Key) is { } subject)
                await subject.LoadAsync([.. group.Select(i => i.SubjectId)], ct);
        }

        return open;
    }

    private async Task<WorkflowTimer?> ScheduleAsync(WorkflowDefinition definition, WorkflowInstance instance, DateTime entered, CancellationToken ct)
    {
        var subject = new WorkflowSubject(instance.SubjectType, instance.SubjectId, instance.State, entered);
        var scheduled = await runtime.ScheduleAsync(definition, definition.State(instance.State), subject, entered, ct);
        return scheduled is null ? null : AddTimer(instance, scheduled);
    }

    private static WorkflowTimer AddTimer(WorkflowInstance instance, ScheduledTimer scheduled)
    {
        var timer = new WorkflowTimer { State = instance.State, Trigger = scheduled.Trigger, Rule = scheduled.Rule, DueAt = scheduled.DueUtc };
        instance.Timers.Add(timer);
        return timer;
    }

    private static void AddStep(WorkflowInstance instance, string from, string to, string trigger, string actor, string? comment, DateTime at, string guards)
    {
        instance.Steps++;
        instance.History.Add(new WorkflowTransition
        {
            Sequence = instance.Steps, From = from, To = to, Trigger = trigger, Actor = actor, At = at, Comment = comment, GuardResults = guards,
        });
    }

    private async Task RunActionsAsync(
        WorkflowDefinition definition, WorkflowInstance instance, IReadOnlyList<ActionDefinition> actions, string trigger, string actor, string? comment, DateTime now, CancellationToken ct)
    {
        var subject = SubjectOf(instance);
        foreach (var action in actions)
        {
            // The key names the instance and the step, so a retried step never notifies twice.
            var key = $"workflow:{instance.DefinitionId}:{instance.SubjectType}:{instance.SubjectId}:{instance.Steps}";
            await vocabulary.Actions[action.Name].RunAsync(new ActionContext(definition, subject, trigger, action.Parameters, actor, comment, now, key), ct);
        }
    }

    private WorkflowDefinition DefinitionOf(WorkflowInstance instance) => definitions.Get(instance.DefinitionId, instance.DefinitionVersion);

    private static WorkflowSubject SubjectOf(WorkflowInstance instance) =>
        new(instance.SubjectType, instance.SubjectId, instance.State, instance.EnteredStateAt);

    private IWorkflowSubjectType SubjectOf(string subjectType) =>
        subjects.FirstOrDefault(s => s.SubjectType == subjectType) ?? throw new InvalidOperationException($"No subject type {subjectType} is registered.");
}
