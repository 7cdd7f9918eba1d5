using Governance.Workflows.Definitions;

namespace Governance.Workflows.Runtime;

// What the runtime needs from the application. Features register guards, actions, timer rules and subjects
// by name; the runtime knows nothing of what they mean.

/// <summary>The record a workflow instance is about, and where it stands.</summary>
public sealed record WorkflowSubject(string Type, int Id, string State, DateTime EnteredStateAtUtc);

/// <summary>Who is firing: a person with roles, or the system (a timer), which no role check applies to.</summary>
public sealed record WorkflowActor(string Name, Func<string, bool> IsInRole, bool IsSystem = false)
{
    public static WorkflowActor System(string name) => new(name, _ => false, IsSystem: true);
}

/// <summary>What a guard may read; <see cref="Actor"/> is who is firing (null when only listing what could fire).</summary>
public sealed record GuardContext(WorkflowSubject Subject, string Guard, string? Argument, string? Comment, DateTime NowUtc, WorkflowActor? Actor = null);

/// <summary>
/// A named condition a transition may require. <see cref="Name"/> is either exact ("procurement:shortlist-ready")
/// or a family ending in ':' ("signoff:") that takes its argument from the rest of the name ("signoff:award").
/// </summary>
public interface IWorkflowGuard
{
    string Name { get; }

    string Description { get; }

    Task<bool> HoldsAsync(GuardContext context, CancellationToken ct);
}

public sealed record ActionContext(
    WorkflowDefinition Definition, WorkflowSubject Subject, string Trigger, IReadOnlyDictionary<string, string> Parameters,
    string Actor, string? Comment, DateTime NowUtc, string IdempotencyKey);

/// <summary>A named on-enter action, with the parameters a definition must give it.</summary>
public interface IWorkflowAction
{
    string Name { get; }

    IReadOnlyList<string> RequiredParameters { get; }

    Task RunAsync(ActionContext context, CancellationToken ct);
}

/// <summary>Turns timer definitions into due instants: calendars and statutory clocks live with the application.</summary>
public interface IWorkflowClock
{
    bool HasRule(string rule);

    DateTime DueAfter(TimerDelay delay, DateTime enteredUtc);

    DateTime DueByRule(string rule, DateTime enteredUtc);
}

/// <summary>Dates a timer can fire at ("at": "RespondBy"), per subject type.</summary>
public interface ISubjectDates
{
    string SubjectType { get; }

    IReadOnlySet<string> Properties { get; }

    Task<DateTime?> GetAsync(int subjectId, string propertyName, CancellationToken ct);
}
