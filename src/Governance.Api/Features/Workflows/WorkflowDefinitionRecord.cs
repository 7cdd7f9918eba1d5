namespace Governance.Api.Features.Workflows;

/// <summary>
/// A definition as it was when instances started on it. Files change; stored versions do not, so every instance
/// keeps running on the version it began with.
/// </summary>
public class WorkflowDefinitionRecord
{
    /// <summary>"id@version".</summary>
    public string Key { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public int Version { get; set; }

    public string Json { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public string SourceFile { get; set; } = "";

    public DateTime LoadedAt { get; set; }
}
