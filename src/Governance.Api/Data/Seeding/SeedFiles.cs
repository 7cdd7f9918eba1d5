using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Api.Infrastructure;

namespace Governance.Api.Data.Seeding;

/// <summary>Finds and reads the seed/ folder: every *.json file directly in it, in file-name order.</summary>
public static class SeedFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The configured folder, or the nearest folder named seed above the content root (the repository's).</summary>
    public static string Locate(string? configured, string contentRoot) => ContentFolders.Find("seed", "schema", configured, contentRoot);

    public static IEnumerable<(string Name, SeedFile File)> Read(string folder)
    {
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            SeedFile? file;
            try
            {
                file = JsonSerializer.Deserialize<SeedFile>(File.ReadAllText(path), Json);
            }
            catch (JsonException e)
            {
                throw new SeedException(Path.GetFileName(path), $"{e.Path}: {e.Message}");
            }

            yield return (Path.GetFileName(path), file ?? throw new SeedException(Path.GetFileName(path), "the file is empty"));
        }
    }
}

public sealed class SeedException(string file, string problem) : Exception($"Seed file {file}: {problem}");
