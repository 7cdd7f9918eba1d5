using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Workflows.Definitions;
using Json.Schema;

namespace Governance.Workflows.Loading;

/// <summary>
/// Reads every workflows/*.json, checks it against workflows/schema/workflow.schema.json and then against the
/// vocabulary, and refuses the whole set at the first problem, naming the file, the JSON path and what is wrong.
/// </summary>
public sealed class WorkflowDefinitionLoader(WorkflowVocabulary vocabulary)
{
    public const string SchemaFile = "schema/workflow.schema.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public IReadOnlyList<WorkflowDefinition> LoadDirectory(string folder)
    {
        var schemaPath = Path.Combine(folder, SchemaFile);
        if (!File.Exists(schemaPath))
            throw new WorkflowDefinitionException(SchemaFile, "$", $"the schema is missing from {folder}");
        var schema = ReadSchema(folder);

        var definitions = new List<WorkflowDefinition>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var definition = LoadFile(Path.GetFileName(path), File.ReadAllText(path), schema);
            var twin = definitions.FirstOrDefault(d => d.Key == definition.Key);
            if (twin is not null && twin.ContentHash != definition.ContentHash)
                throw new WorkflowDefinitionException(definition.SourceFile, "$.version", $"{twin.SourceFile} has the same id and version ({definition.Key}) with different content; give one of them a new version");
            if (twin is null)
                definitions.Add(definition);
        }

        return definitions;
    }

    /// <summary>Parses and checks one definition. Also used to re-read definitions stored for running instances.</summary>
    public WorkflowDefinition LoadFile(string file, string text, JsonSchema schema)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new WorkflowDefinitionException(file, e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        using (document)
        {
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!result.IsValid)
            {
                var failure = (result.Details ?? []).FirstOrDefault(d => d.Errors is { Count: > 0 });
                var location = failure is null ? "$" : ToJsonPath(failure.InstanceLocation.ToString());
                var message = failure?.Errors?.Values.First() ?? "does not match the schema";
                throw new WorkflowDefinitionException(file, location, message);
            }

            var parsed = document.RootElement.Deserialize<DefinitionFile>(Json)!;
            var definition = Map(file, parsed, Hash(text));
            new DefinitionChecks(vocabulary, file).Check(definition);
            return definition;
        }
    }

    /// <summary>Reads the schema into a registry of its own: the global one refuses a second schema with the same $id.</summary>
    public static JsonSchema ReadSchema(string folder) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, SchemaFile)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static WorkflowDefinition Map(string file, DefinitionFile f, string hash) => new(
        f.Id, f.Version, f.Title, f.Subject, f.Initial,
        f.States.ToDictionary(s => s.Key, s => new StateDefinition(
            s.Key,
            s.Value.Description,
            s.Value.Final,
            s.Value.Timer is { } t ? new TimerDefinition(t.Fire, t.After is { } a ? new TimerDelay(a.CalendarDays, a.WorkingDays, a.ClearDays) : null, t.Rule, t.At) : null,
            [.. (s.Value.OnEnter ?? []).Select(ToAction)],
            (s.Value.On ?? []).ToDictionary(o => o.Key, o => new TransitionDefinition(o.Key, o.Value.To, o.Value.Roles ?? [], o.Value.Requires ?? [], o.Value.Description)))),
        file,
        hash,
        (f.Signoffs ?? []).ToDictionary(g => g.Key, g => new SignOffGate(g.Key, g.Value.Roles, g.Value.Quorum, g.Value.Independent, g.Value.Description)));

    private static ActionDefinition ToAction(Dictionary<string, string> entry) =>
        new(entry["action"], entry.Where(p => p.Key != "action").ToDictionary(p => p.Key, p => p.Value));

    /// <summary>Hash of the content without white space differences, so reformatting a file is not a new version.</summary>
    private static string Hash(string text)
    {
        using var document = JsonDocument.Parse(text);
        var canonical = JsonSerializer.Serialize(document.RootElement);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string ToJsonPath(string pointer) =>
        pointer.Length == 0 ? "$" : "$" + string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => "." + p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
}
