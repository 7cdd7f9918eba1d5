using Governance.Domain.Calendar;

namespace Governance.Api.Features.Calendar;

/// <summary>
/// The council's copy of the proclaimed one-off bank holidays (<c>Calendar:OneOffsFile</c>, by default
/// data/bank-holidays.one-offs.json): read at start-up when present, written by <c>calendar import</c> from GOV.UK's
/// published list (https://www.gov.uk/bank-holidays.json). Without it the file shipped in Governance.Domain applies.
/// </summary>
public static class CouncilCalendar
{
    public static string OneOffsPath(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Calendar:OneOffsFile"] ?? Path.Combine("data", "bank-holidays.one-offs.json"), environment.ContentRootPath);

    /// <summary>Uses the council's one-offs, when it has a file of them.</summary>
    public static IHostApplicationBuilder AddCouncilCalendar(this IHostApplicationBuilder builder)
    {
        var path = OneOffsPath(builder.Configuration, builder.Environment);
        if (File.Exists(path))
        {
            using var file = File.OpenRead(path);
            BankHolidayRules.UseOneOffs(OneOffs.Load(file));
        }

        return builder;
    }

    /// <summary>
    /// Reads a published list and writes the council's one-offs: those it implies for the years it covers, and the
    /// ones already known for the years before it. Answers the exit code.
    /// </summary>
    public static async Task<int> ImportAsync(string published, string target, TextWriter output)
    {
        OneOffs imported;
        try
        {
            await using var file = File.OpenRead(published);
            imported = OneOffs.FromPublished(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException or KeyNotFoundException or FormatException)
        {
            await output.WriteLineAsync($"Not imported: {e.Message}");
            return 1;
        }

        OneOffs current;
        if (File.Exists(target))
        {
            await using var existing = File.OpenRead(target);
            current = OneOffs.Load(existing);
        }
        else
        {
            current = OneOffs.Embedded;
        }

        var firstYear = imported.KnownFrom.Year;
        var merged = new OneOffs(
            imported.KnownTo > current.KnownTo ? imported.KnownTo : current.KnownTo,
            [.. current.Events.Where(e => e.Date.Year < firstYear), .. imported.Events],
            current.KnownFrom);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, merged.ToJson($"Imported from {Path.GetFileName(published)} on {DateTime.UtcNow:yyyy-MM-dd}; earlier years as known before"));
        await output.WriteLineAsync($"Bank holidays known to {merged.KnownTo:yyyy-MM-dd}: {merged.Events.Count} one-offs written to {target}. Restart the host to use them.");
        return 0;
    }
}
