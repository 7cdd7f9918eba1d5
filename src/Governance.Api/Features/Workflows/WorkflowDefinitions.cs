using System.Collections.Concurrent;
using Governance.Workflows.Definitions;

namespace Governance.Api.Features.Workflows;

/// <summary>
/// Every stored definition version, parsed once at start-up, and which version of each id new instances use
/// (the one in workflows/ now).
/// </summary>
public sealed class WorkflowDefinitions
{
    private readonly ConcurrentDictionary<string, WorkflowDefinition> byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> current = new(StringComparer.Ordinal);

    public IEnumerable<WorkflowDefinition> All => byKey.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version);

    public bool IsCurrent(WorkflowDefinition definition) => current.TryGetValue(definition.Id, out var version) && version == definition.Version;

    public WorkflowDefinition Get(string id, int version) =>
        byKey.TryGetValue(WorkflowDefinition.KeyOf(id, version), out var definition)
            ? definition
            : throw new InvalidOperationException($"Workflow {id} version {version} is not loaded.");

    /// <summary>The version new instances of this workflow start on.</summary>
    public WorkflowDefinition Current(string id) =>
        current.TryGetValue(id, out var version) ? Get(id, version) : throw new InvalidOperationException($"No workflow file defines {id}.");

    internal void Add(WorkflowDefinition definition) => byKey[definition.Key] = definition;

    internal void MarkCurrent(WorkflowDefinition definition) => current[definition.Id] = definition.Version;
}
