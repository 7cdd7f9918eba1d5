using System.Text.Json;
using System.Xml.Linq;

namespace Governance.Api.Tests.Security;

/// <summary>
/// The service's own $metadata, read as a client would: its entity sets, each type's navigation properties and the
/// bound functions. The invariant test walks the API from this, so a set or function added later is walked too.
/// </summary>
internal sealed class EdmWalk
{
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";

    public sealed record Navigation(string Name, string TargetType, bool IsCollection);

    public sealed record Function(string Name, string BindingType, bool BoundToCollection, IReadOnlyList<(string Name, string Type)> Parameters);

    private EdmWalk(Dictionary<string, string> sets, Dictionary<string, List<Navigation>> navigations, List<Function> functions) =>
        (Sets, Navigations, Functions) = (sets, navigations, functions);

    /// <summary>Entity set name to entity type name (without namespace).</summary>
    public IReadOnlyDictionary<string, string> Sets { get; }

    public IReadOnlyDictionary<string, List<Navigation>> Navigations { get; }

    public IReadOnlyList<Function> Functions { get; }

    public static EdmWalk Parse(string metadata)
    {
        var xml = XDocument.Parse(metadata);
        static string Local(string qualified) => qualified.Replace("Collection(", "", StringComparison.Ordinal).TrimEnd(')').Split('.')[^1];
        var sets = xml.Descendants(Edm + "EntitySet").ToDictionary(e => (string)e.Attribute("Name")!, e => Local((string)e.Attribute("EntityType")!));
        var navigations = xml.Descendants(Edm + "EntityType").ToDictionary(
            t => (string)t.Attribute("Name")!,
            t => t.Elements(Edm + "NavigationProperty").Select(n => new Navigation(
                (string)n.Attribute("Name")!, Local((string)n.Attribute("Type")!), ((string)n.Attribute("Type")!).StartsWith("Collection(", StringComparison.Ordinal))).ToList());
        var functions = xml.Descendants(Edm + "Function").Where(f => (string?)f.Attribute("IsBound") == "true").Select(f =>
        {
            var parameters = f.Elements(Edm + "Parameter").Select(p => ((string)p.Attribute("Name")!, (string)p.Attribute("Type")!)).ToList();
            var binding = parameters[0].Item2;
            return new Function((string)f.Attribute("Name")!, Local(binding), binding.StartsWith("Collection(", StringComparison.Ordinal), parameters.Skip(1).ToList());
        }).ToList();
        return new EdmWalk(sets, navigations, functions);
    }

    /// <summary>An $expand of every navigation of a type, one level, collections bounded as the service requires.</summary>
    public string ExpandAll(string type) => string.Join(",", Navigations.GetValueOrDefault(type, []).Select(n => n.IsCollection ? $"{n.Name}($top=100)" : n.Name));

    /// <summary>Every record in a response body, with its type: top-level rows are of <paramref name="type"/>, expanded ones of their navigation's target.</summary>
    public void Collect(JsonElement element, string type, ICollection<(string Type, long Id)> into)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Collect(item, type, into);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
            return;
        if (element.TryGetProperty("Id", out var id) && id.ValueKind == JsonValueKind.Number)
            into.Add((type, id.GetInt64()));
        foreach (var navigation in Navigations.GetValueOrDefault(type, []))
        {
            if (element.TryGetProperty(navigation.Name, out var child))
                Collect(child, navigation.TargetType, into);
        }
    }
}
