using Governance.Workflows.Definitions;
using Governance.Workflows.Loading;
using Stateless;

namespace Governance.Workflows.Runtime;

/// <summary>
/// Interprets a definition for one instance on a Stateless state machine. It decides, and the application
/// persists: permitted triggers, the outcome of a fire, and the timer a state schedules.
/// </summary>
public sealed class WorkflowRuntime(WorkflowVocabulary vocabulary)
{
    /// <summary>Every trigger of the current state, whether this actor may fire it now, and the unmet guards by name.</summary>
    public async Task<IReadOnlyList<TriggerStatus>> PermittedTriggersAsync(
        WorkflowDefinition definition, WorkflowSubject subject, WorkflowActor actor, DateTime nowUtc, CancellationToken ct)
    {
        var state = definition.State(subject.State);
        var guards = await EvaluateGuardsAsync(state, subject, comment: null, nowUtc, ct, actor);
        var machine = Build(subject.State, state, guards);
        var statuses = new List<TriggerStatus>();
        foreach (var transition in state.On.Values)
        {
            machine.CanFire(transition.Trigger, out var unmet);
            var roleAllowed = MayFire(transition, actor);
            statuses.Add(new TriggerStatus(transition.Trigger, transition.To, roleAllowed, roleAllowed && unmet.Count == 0, [.. unmet], transition.Roles));
        }

        return statuses;
    }

    /// <summary>Checks a fire and, when it may happen, runs it through the state machine and returns what to persist.</summary>
    public async Task<FireOutcome> FireAsync(
        WorkflowDefinition definition, WorkflowSubject subject, string trigger, WorkflowActor actor, string? comment, DateTime nowUtc, CancellationToken ct)
    {
        var state = definition.State(subject.State);
        if (!state.On.TryGetValue(trigger, out var transition))
            return new FireOutcome.NotInState(subject.State, [.. state.On.Keys]);
        if (!MayFire(transition, actor))
            return new FireOutcome.RoleNotAllowed(transition.Roles);

        var guards = await EvaluateGuardsAsync(state, subject, comment, nowUtc, ct, actor);
        var machine = Build(subject.State, state, guards);
        if (!machine.CanFire(trigger, out var unmet))
            return new FireOutcome.GuardsUnmet([.. unmet]);

        await machine.FireAsync(trigger);
        var target = definition.State(machine.State);
        var results = transition.Requires.ToDictionary(g => g, g => guards[g], StringComparer.Ordinal);
        return new FireOutcome.Accepted(subject.State, target.Name, results, target.OnEnter, await ScheduleAsync(definition, target, subject with { State = target.Name }, nowUtc, ct));
    }

    /// <summary>The timer a state starts when entered at <paramref name="enteredUtc"/>, if it has one.</summary>
    public async Task<ScheduledTimer?> ScheduleAsync(WorkflowDefinition definition, StateDefinition state, WorkflowSubject subject, DateTime enteredUtc, CancellationToken ct)
    {
        if (state.Timer is not { } timer)
            return null;
        DateTime? due = timer switch
        {
            { After: { } delay } => vocabulary.Clock.DueAfter(delay, enteredUtc),
            { Rule: { } rule } => vocabulary.Clock.DueByRule(rule, enteredUtc),
            { At: { } property } => await vocabulary.SubjectDates[definition.Subject].GetAsync(subject.Id, property, ct),
            _ => null,
        };
        return due is { } at ? new ScheduledTimer(timer.Fire, at, timer.Rule) : null;
    }

    private static bool MayFire(TransitionDefinition transition, WorkflowActor actor) =>
        actor.IsSystem || transition.Roles.Any(actor.IsInRole);

    private async Task<Dictionary<string, bool>> EvaluateGuardsAsync(StateDefinition state, WorkflowSubject subject, string? comment, DateTime nowUtc, CancellationToken ct, WorkflowActor? actor = null)
    {
        // Guards query the database, so they are evaluated once, before the (synchronous) state machine asks.
        var results = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in state.On.Values.SelectMany(t => t.Requires).Distinct(StringComparer.Ordinal))
        {
            var (guard, argument) = vocabulary.FindGuard(name) ?? throw new InvalidOperationException($"Guard {name} is not registered.");
            results[name] = await guard.HoldsAsync(new GuardContext(subject, name, argument, comment, nowUtc, actor), ct);
        }

        return results;
    }

    private static StateMachine<string, string> Build(string current, StateDefinition state, Dictionary<string, bool> guards)
    {
        var machine = new StateMachine<string, string>(current);
        var configuration = machine.Configure(current);
        foreach (var transition in state.On.Values)
        {
            var conditions = transition.Requires.Select(g => new Tuple<Func<bool>, string>(() => guards[g], g)).ToArray();
            if (transition.To == current)
                configuration.PermitReentryIf(transition.Trigger, conditions);
            else
                configuration.PermitIf(transition.Trigger, transition.To, conditions);
        }

        return machine;
    }
}

public sealed record TriggerStatus(string Trigger, string To, bool RoleAllowed, bool CanFire, IReadOnlyList<string> UnmetGuards, IReadOnlyList<string> Roles);

public sealed record ScheduledTimer(string Trigger, DateTime DueUtc, string? Rule);

/// <summary>What happened when a trigger was fired.</summary>
public abstract record FireOutcome
{
    private FireOutcome()
    {
    }

    /// <summary>The current state has no such trigger.</summary>
    public sealed record NotInState(string State, IReadOnlyList<string> Triggers) : FireOutcome;

    /// <summary>The actor has none of the roles that may fire it.</summary>
    public sealed record RoleNotAllowed(IReadOnlyList<string> Roles) : FireOutcome;

    /// <summary>One or more guards do not hold.</summary>
    public sealed record GuardsUnmet(IReadOnlyList<string> Guards) : FireOutcome;

    /// <summary>The transition happens: the new state, the guard results at that moment, what to run and schedule.</summary>
    public sealed record Accepted(string From, string To, IReadOnlyDictionary<string, bool> GuardResults, IReadOnlyList<ActionDefinition> OnEnter, ScheduledTimer? Timer) : FireOutcome;
}
