using System.Globalization;
using System.Text.Json;

namespace Governance.Domain.Calendar;

/// <summary>A bank holiday by proclamation: a day added, or moved (it then replaces the rules' day), in some divisions.</summary>
public sealed record OneOff(DateOnly Date, string Title, DateOnly? Replaces, IReadOnlyList<string> Divisions);

/// <summary>
/// The proclaimed one-off bank holidays, and the last day of the published list they were read from. The default is
/// the file embedded in this assembly; a council updates it from GOV.UK's list with the host's <c>calendar import</c>.
/// </summary>
/// <param name="KnownFrom">The first day of the published list they were read from (unknown for the shipped file).</param>
public sealed record OneOffs(DateOnly KnownTo, IReadOnlyList<OneOff> Events, DateOnly KnownFrom = default)
{
    public static OneOffs Embedded { get; } = Load(typeof(OneOffs).Assembly.GetManifestResourceStream("bank-holidays.one-offs.json")
        ?? throw new InvalidOperationException("The one-off bank holidays data file is not embedded in Governance.Domain."));

    public static OneOffs Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new OneOffs(
            DateOnly.Parse(root.GetProperty("knownTo").GetString()!, CultureInfo.InvariantCulture),
            [.. root.GetProperty("events").EnumerateArray().Select(e => new OneOff(
                DateOnly.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture),
                e.TryGetProperty("title", out var title) ? title.GetString() ?? "" : "",
                e.TryGetProperty("replaces", out var replaces) ? DateOnly.Parse(replaces.GetString()!, CultureInfo.InvariantCulture) : null,
                [.. e.GetProperty("divisions").EnumerateArray().Select(d => d.GetString()!)]))]);
    }

    public static OneOffs None { get; } = new(DateOnly.MinValue, []);

    /// <summary>
    /// The one-offs a published list implies (GOV.UK's bank-holidays JSON: each division's events): per division and
    /// year, a listed day the rules do not give is a one-off, and it replaces the nearest rules day the list leaves out
    /// (a moved day). A rules day left out with no day listed in its place cannot be a one-off and is refused.
    /// </summary>
    public static OneOffs FromPublished(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var found = new List<OneOff>();
        var (firstYear, lastYear) = (int.MaxValue, 0);
        foreach (var division in Enum.GetValues<HolidayDivision>())
        {
            var name = BankHolidayRules.DivisionName(division);
            if (!document.RootElement.TryGetProperty(name, out var listed))
                continue;
            var events = listed.GetProperty("events").EnumerateArray()
                .Select(e => (Date: DateOnly.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture), Title: e.GetProperty("title").GetString() ?? ""))
                .ToList();
            foreach (var year in events.GroupBy(e => e.Date.Year))
            {
                (firstYear, lastYear) = (Math.Min(firstYear, year.Key), Math.Max(lastYear, year.Key));
                var rules = BankHolidayRules.Compute(division, year.Key, None).ToHashSet();
                var added = year.Where(e => !rules.Contains(e.Date)).OrderBy(e => e.Date).ToList();
                var missing = rules.Where(d => !year.Any(e => e.Date == d)).Order().ToList();
                foreach (var day in missing)
                {
                    if (added.Count == 0)
                        throw new InvalidDataException($"{name} {day:yyyy-MM-dd}: a day the rules give is not in the published list, and no day is listed in its place.");
                    var moved = added.MinBy(e => Math.Abs(e.Date.DayNumber - day.DayNumber));
                    added.Remove(moved);
                    found.Add(new OneOff(moved.Date, moved.Title, day, [name]));
                }

                found.AddRange(added.Select(e => new OneOff(e.Date, e.Title, null, [name])));
            }
        }

        // A proclamation for several divisions is one event with all of them.
        var merged = found.GroupBy(o => (o.Date, o.Replaces))
            .Select(g => g.First() with { Divisions = [.. g.SelectMany(o => o.Divisions)] })
            .OrderBy(o => o.Date).ToList();
        return lastYear == 0 ? None : new OneOffs(new DateOnly(lastYear, 12, 31), merged, new DateOnly(firstYear, 1, 1));
    }

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>The file's JSON, in the embedded file's layout.</summary>
    public string ToJson(string source) => JsonSerializer.Serialize(
        new FileJson(source, Day(KnownTo), [.. Events.OrderBy(e => e.Date).Select(e => new EventJson(Day(e.Date), e.Title, e.Replaces is { } r ? Day(r) : null, e.Divisions))]),
        Written);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record FileJson(string Source, string KnownTo, IReadOnlyList<EventJson> Events);

    private sealed record EventJson(string Date, string Title, string? Replaces, IReadOnlyList<string> Divisions);
}
