using System.Text.Json.Nodes;

namespace Governance.Api.Features.Transparency.Ocds;

/// <summary>
/// Release packages (a page of releases since a date) and record packages (every release of one process with its
/// compiled release, merged as OCDS's merge routine does: later values replace earlier ones, arrays of objects with an
/// id merge by id, other arrays are replaced whole).
/// </summary>
public static class OcdsPackages
{
    public const string Version = "1.1";

    public static JsonObject ReleasePackage(string uri, string publisher, IEnumerable<JsonObject> releases, DateTime publishedUtc) => new()
    {
        ["uri"] = uri, ["version"] = Version, ["extensions"] = new JsonArray(OcdsReleases.MetricsExtension),
        ["publishedDate"] = Instant(publishedUtc), ["publisher"] = new JsonObject { ["name"] = publisher },
        ["releases"] = new JsonArray([.. releases.Select(r => (JsonNode)r.DeepClone())]),
    };

    public static JsonObject RecordPackage(string uri, string publisher, string ocid, IReadOnlyList<JsonObject> releases, DateTime publishedUtc) => new()
    {
        ["uri"] = uri, ["version"] = Version, ["extensions"] = new JsonArray(OcdsReleases.MetricsExtension),
        ["publishedDate"] = Instant(publishedUtc), ["publisher"] = new JsonObject { ["name"] = publisher },
        ["records"] = new JsonArray(new JsonObject
        {
            ["ocid"] = ocid,
            ["releases"] = new JsonArray([.. releases.Select(r => (JsonNode)r.DeepClone())]),
            ["compiledRelease"] = Compile(ocid, releases),
        }),
    };

    /// <summary>The process's current state: its releases merged in date order, tagged "compiled".</summary>
    public static JsonObject Compile(string ocid, IReadOnlyList<JsonObject> releases)
    {
        var compiled = new JsonObject();
        foreach (var release in releases)
            Merge(compiled, release);
        compiled["id"] = $"{ocid}-compiled";
        compiled["tag"] = new JsonArray("compiled");
        compiled["date"] = releases[^1]["date"]!.DeepClone();
        return compiled;
    }

    private static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (name, value) in from)
        {
            if (value is JsonObject obj && into[name] is JsonObject existing)
                Merge(existing, obj);
            else if (value is JsonArray array && into[name] is JsonArray current && IsIdentified(array) && IsIdentified(current))
                MergeById(current, array);
            else
                into[name] = value?.DeepClone();
        }
    }

    private static void MergeById(JsonArray into, JsonArray from)
    {
        foreach (var item in from.OfType<JsonObject>())
        {
            var id = (string?)item["id"];
            if (into.OfType<JsonObject>().FirstOrDefault(e => (string?)e["id"] == id) is { } match)
                Merge(match, item);
            else
                into.Add(item.DeepClone());
        }
    }

    private static bool IsIdentified(JsonArray array) => array.Count > 0 && array.All(e => e is JsonObject o && o["id"] is JsonValue);

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
