namespace Governance.Benchmarks.Harness;

/// <summary>Where the repository is, found from the benchmark's own folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Governance.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("The repository root (Governance.sln) is not above the benchmark's folder.");
    }
}
