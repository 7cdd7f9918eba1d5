namespace Governance.Api.Infrastructure;

/// <summary>Finds the seed/ and workflows/ folders: configured, or the nearest above the content root (the repository's).</summary>
public static class ContentFolders
{
    /// <param name="name">The folder's name, e.g. "seed".</param>
    /// <param name="marker">A path inside it that identifies it, e.g. "schema".</param>
    public static string Find(string name, string marker, string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, contentRoot);
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (Path.Exists(Path.Combine(candidate, marker)))
                    return candidate;
            }
        }

        throw new InvalidOperationException($"No {name} folder found above {contentRoot}; set its path in configuration.");
    }
}
