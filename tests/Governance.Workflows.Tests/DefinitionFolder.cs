namespace Governance.Workflows.Tests;

/// <summary>A temporary workflows folder with the repository's schema and the files a test writes.</summary>
internal sealed class DefinitionFolder : IDisposable
{
    public DefinitionFolder()
    {
        Path = Directory.CreateTempSubdirectory("governance-workflows-").FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "schema"));
        File.Copy(System.IO.Path.Combine(RepositoryWorkflows, "schema", "workflow.schema.json"), System.IO.Path.Combine(Path, "schema", "workflow.schema.json"));
    }

    public string Path { get; }

    public static string RepositoryWorkflows
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "workflows");
                if (File.Exists(System.IO.Path.Combine(candidate, "schema", "workflow.schema.json")))
                    return candidate;
            }

            throw new InvalidOperationException("The repository's workflows folder was not found.");
        }
    }

    public DefinitionFolder With(string file, string json)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), json);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
