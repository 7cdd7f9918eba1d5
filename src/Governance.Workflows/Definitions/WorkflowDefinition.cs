namespace Governance.Workflows.Definitions;

/// <summary>A workflow as its file describes it: a state machine over one kind of subject.</summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    string Title,
    string Subject,
    string Initial,
    IReadOnlyDictionary<string, StateDefinition> States,
    string SourceFile,
    string ContentHash,
    IReadOnlyDictionary<string, SignOffGate>? SignOffs = null)
{
    /// <summary>The gates a <c>signoff:&lt;gate&gt;</c> guard reads, with who signs them.</summary>
    public IReadOnlyDictionary<string, SignOffGate> Gates => SignOffs ?? new Dictionary<string, SignOffGate>();

    /// <summary>"id@version", the key instances refer to.</summary>
    public string Key => KeyOf(Id, Version);

    public static string KeyOf(string id, int version) => $"{id}@{version}";

    public StateDefinition State(string name) =>
        States.TryGetValue(name, out var state) ? state : throw new InvalidOperationException($"Workflow {Key} has no state {name}.");
}

public sealed record StateDefinition(
    string Name,
    string? Description,
    bool Final,
    TimerDefinition? Timer,
    IReadOnlyList<ActionDefinition> OnEnter,
    IReadOnlyDictionary<string, TransitionDefinition> On);

/// <summary>
/// A way out of a state. Roles name who may fire it; a transition with no roles can only be fired by its
/// state's timer. Every guard in Requires must hold.
/// </summary>
public sealed record TransitionDefinition(
    string Trigger,
    string To,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Requires,
    string? Description);

/// <summary>Fires a trigger after a delay, at a statutory clock's end, or at a date of the subject: exactly one of the three.</summary>
public sealed record TimerDefinition(string Fire, TimerDelay? After, string? Rule, string? At);

/// <summary>A delay counted from the day the state was entered (Europe/London dates): exactly one count is set.</summary>
public sealed record TimerDelay(int? CalendarDays, int? WorkingDays, int? ClearDays);

/// <summary>A named action run on entering a state, with its parameters.</summary>
public sealed record ActionDefinition(string Name, IReadOnlyDictionary<string, string> Parameters);

/// <summary>
/// Who signs a gate off: the roles that must each approve (the latest request per role), how many approvals each
/// needs, and whether the signatory must stand outside the people doing the work (for a procurement, its team).
/// </summary>
public sealed record SignOffGate(string Gate, IReadOnlyList<string> Roles, int Quorum, bool Independent, string? Description);
