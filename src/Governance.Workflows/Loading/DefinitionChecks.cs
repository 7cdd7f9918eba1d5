using Governance.Workflows.Definitions;

namespace Governance.Workflows.Loading;

/// <summary>The checks a schema cannot make: every name a definition uses must exist, and every state must be reachable.</summary>
internal sealed class DefinitionChecks(WorkflowVocabulary vocabulary, string file)
{
    public void Check(WorkflowDefinition definition)
    {
        if (!vocabulary.SubjectTypes.Contains(definition.Subject))
            Fail("$.subject", $"unknown subject type '{definition.Subject}'; known: {Known(vocabulary.SubjectTypes)}");
        if (!definition.States.ContainsKey(definition.Initial))
            Fail("$.initial", $"initial state '{definition.Initial}' is not one of the states");

        foreach (var state in definition.States.Values)
            CheckState(definition, state, $"$.states.{state.Name}");
        CheckSignOffs(definition);

        var unreachable = definition.States.Keys.Except(Reachable(definition)).FirstOrDefault();
        if (unreachable is not null)
            Fail($"$.states.{unreachable}", $"state '{unreachable}' cannot be reached from '{definition.Initial}'");
    }

    /// <summary>
    /// A definition that declares its sign-off gates declares every gate its transitions require, with known
    /// signatory roles, and uses every gate it declares. (Versions written before gates were declared, kept for
    /// their running instances, declare none.)
    /// </summary>
    private void CheckSignOffs(WorkflowDefinition definition)
    {
        const string prefix = "signoff:";
        if (definition.Gates.Count == 0)
            return;
        var required = definition.States.Values.SelectMany(s => s.On.Values.SelectMany(t => t.Requires.Select(r => (State: s.Name, t.Trigger, Guard: r))))
            .Where(r => r.Guard.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        foreach (var (state, trigger, guard) in required)
        {
            if (!definition.Gates.ContainsKey(guard[prefix.Length..]))
                Fail($"$.states.{state}.on.{trigger}.requires", $"'{guard}' needs the gate declared under \"signoffs\" with its signatory roles");
        }

        foreach (var gate in definition.Gates.Values)
        {
            if (required.All(r => r.Guard != prefix + gate.Gate))
                Fail($"$.signoffs.{gate.Gate}", $"no transition requires '{prefix}{gate.Gate}'");
            foreach (var (role, i) in gate.Roles.Select((r, i) => (r, i)))
            {
                if (!vocabulary.Roles.Contains(role))
                    Fail($"$.signoffs.{gate.Gate}.roles[{i}]", $"unknown role '{role}'; known: {Known(vocabulary.Roles)}");
            }
        }
    }

    private void CheckState(WorkflowDefinition definition, StateDefinition state, string path)
    {
        if (state.Final && (state.On.Count > 0 || state.Timer is not null))
            Fail(path, "a final state has no transitions and no timer");
        if (!state.Final && state.On.Count == 0)
            Fail(path, "a state that is not final needs at least one transition (or mark it \"final\": true)");

        foreach (var transition in state.On.Values)
        {
            var at = $"{path}.on.{transition.Trigger}";
            if (!definition.States.ContainsKey(transition.To))
                Fail($"{at}.to", $"target state '{transition.To}' is not one of the states");
            foreach (var (role, i) in transition.Roles.Select((r, i) => (r, i)))
            {
                if (!vocabulary.Roles.Contains(role))
                    Fail($"{at}.roles[{i}]", $"unknown role '{role}'; known: {Known(vocabulary.Roles)}");
            }

            foreach (var (guard, i) in transition.Requires.Select((g, i) => (g, i)))
            {
                if (vocabulary.FindGuard(guard) is null)
                    Fail($"{at}.requires[{i}]", $"unknown guard '{guard}'; known: {Known(vocabulary.GuardNames)}");
            }

            if (transition.Roles.Count == 0 && state.Timer?.Fire != transition.Trigger)
                Fail($"{at}.roles", "no role may fire this transition and no timer of the state fires it");
        }

        foreach (var (action, i) in state.OnEnter.Select((a, i) => (a, i)))
        {
            var at = $"{path}.onEnter[{i}]";
            if (!vocabulary.Actions.TryGetValue(action.Name, out var known))
            {
                Fail($"{at}.action", $"unknown action '{action.Name}'; known: {Known(vocabulary.Actions.Keys)}");
                return;
            }

            var missing = known.RequiredParameters.FirstOrDefault(p => !action.Parameters.ContainsKey(p));
            if (missing is not null)
                Fail(at, $"action '{action.Name}' needs the parameter '{missing}'");
            if (action.Parameters.TryGetValue("role", out var role) && !vocabulary.Roles.Contains(role))
                Fail($"{at}.role", $"unknown role '{role}'");
        }

        if (state.Timer is { } timer)
            CheckTimer(definition, state, timer, $"{path}.timer");
    }

    private void CheckTimer(WorkflowDefinition definition, StateDefinition state, TimerDefinition timer, string path)
    {
        if (!state.On.ContainsKey(timer.Fire))
            Fail($"{path}.fire", $"the timer fires '{timer.Fire}', which is not a transition of state '{state.Name}'");
        var ways = new object?[] { timer.After, timer.Rule, timer.At }.Count(w => w is not null);
        if (ways != 1)
            Fail(path, "a timer has exactly one of \"after\", \"rule\" and \"at\"");
        if (timer.Rule is { } rule && !vocabulary.Clock.HasRule(rule))
            Fail($"{path}.rule", $"unknown statutory clock '{rule}'");
        if (timer.At is { } property
            && !(vocabulary.SubjectDates.TryGetValue(definition.Subject, out var dates) && dates.Properties.Contains(property)))
            Fail($"{path}.at", $"'{property}' is not a date of {definition.Subject} that a timer can use");
    }

    private static HashSet<string> Reachable(WorkflowDefinition definition)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { definition.Initial };
        var queue = new Queue<string>([definition.Initial]);
        while (queue.TryDequeue(out var name))
        {
            foreach (var next in definition.States[name].On.Values.Select(t => t.To))
            {
                if (definition.States.ContainsKey(next) && seen.Add(next))
                    queue.Enqueue(next);
            }
        }

        return seen;
    }

    private static string Known(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));

    private void Fail(string path, string problem) => throw new WorkflowDefinitionException(file, path, problem);
}
