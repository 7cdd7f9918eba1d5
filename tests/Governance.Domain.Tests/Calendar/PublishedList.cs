using System.Globalization;
using System.Text.Json;
using Governance.Domain.Calendar;

namespace Governance.Domain.Tests.Calendar;

/// <summary>GOV.UK's published bank holidays for England and Wales, 2012 to 2030, as embedded beside the rules: the rules' oracle.</summary>
internal static class PublishedList
{
    public static IReadOnlyList<DateOnly> EnglandAndWales { get; } = Load();

    private static List<DateOnly> Load()
    {
        using var stream = typeof(BankHolidayRules).Assembly.GetManifestResourceStream("bank-holidays.england-and-wales.json")!;
        using var document = JsonDocument.Parse(stream);
        return [.. document.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => DateOnly.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture))];
    }
}
