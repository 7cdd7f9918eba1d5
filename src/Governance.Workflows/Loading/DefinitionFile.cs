using System.Text.Json.Serialization;

namespace Governance.Workflows.Loading;

// The JSON shape of a workflow file, read after the schema has accepted it.

internal sealed record DefinitionFile(
    [property: JsonPropertyName("$schema")] string? Schema,
    string Id,
    int Version,
    string Title,
    string Subject,
    string Initial,
    Dictionary<string, StateFile> States,
    Dictionary<string, SignOffFile>? Signoffs = null);

internal sealed record SignOffFile(List<string> Roles, int Quorum = 1, bool Independent = false, string? Description = null);

internal sealed record StateFile(
    string? Description,
    bool Final,
    TimerFile? Timer,
    List<Dictionary<string, string>>? OnEnter,
    Dictionary<string, TransitionFile>? On);

internal sealed record TransitionFile(string To, List<string>? Roles, List<string>? Requires, string? Description);

internal sealed record TimerFile(string Fire, DelayFile? After, string? Rule, string? At);

internal sealed record DelayFile(int? CalendarDays, int? WorkingDays, int? ClearDays);
