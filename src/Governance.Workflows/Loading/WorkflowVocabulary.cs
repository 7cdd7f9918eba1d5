using Governance.Workflows.Runtime;

namespace Governance.Workflows.Loading;

/// <summary>Every name a definition may use: roles, subject types and their dates, guards, actions and timer rules.</summary>
public sealed class WorkflowVocabulary(
    IEnumerable<string> roles,
    IEnumerable<string> subjectTypes,
    IEnumerable<ISubjectDates> subjectDates,
    IEnumerable<IWorkflowGuard> guards,
    IEnumerable<IWorkflowAction> actions,
    IWorkflowClock clock)
{
    private readonly IReadOnlyList<IWorkflowGuard> guardList = [.. guards];

    public IReadOnlySet<string> Roles { get; } = roles.ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> SubjectTypes { get; } = subjectTypes.ToHashSet(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ISubjectDates> SubjectDates { get; } = subjectDates.ToDictionary(d => d.SubjectType, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IWorkflowAction> Actions { get; } = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public IWorkflowClock Clock { get; } = clock;

    /// <summary>The guard a name refers to, and the argument of a guard family ("signoff:award" gives "award").</summary>
    public (IWorkflowGuard Guard, string? Argument)? FindGuard(string name)
    {
        foreach (var guard in guardList)
        {
            if (guard.Name.EndsWith(':') && name.StartsWith(guard.Name, StringComparison.Ordinal) && name.Length > guard.Name.Length)
                return (guard, name[guard.Name.Length..]);
            if (guard.Name == name)
                return (guard, null);
        }

        return null;
    }

    public IEnumerable<string> GuardNames => guardList.Select(g => g.Name.EndsWith(':') ? g.Name + "<name>" : g.Name);
}
