namespace Governance.Workflows.Loading;

/// <summary>A workflow file that cannot be used, with the file, the JSON path and the problem, as start-up reports it.</summary>
public sealed class WorkflowDefinitionException(string file, string path, string problem)
    : Exception($"Workflow definition {file} at {path}: {problem}")
{
    public string File { get; } = file;

    public string JsonPath { get; } = path;

    public string Problem { get; } = problem;
}
