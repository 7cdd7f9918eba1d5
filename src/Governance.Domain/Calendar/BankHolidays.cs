using System.Text.Json;

namespace Governance.Domain.Calendar;

/// <summary>Bank holidays in England and Wales, from the data file shipped in this assembly (2012 to 2030).</summary>
public sealed class BankHolidays
{
    private readonly HashSet<DateOnly> dates;

    public BankHolidays(IEnumerable<DateOnly> dates, DateOnly from, DateOnly to)
    {
        this.dates = [.. dates];
        From = from;
        To = to;
    }

    public static BankHolidays EnglandAndWales { get; } = Load();

    public DateOnly From { get; }

    public DateOnly To { get; }

    public IReadOnlyCollection<DateOnly> Dates => dates;

    /// <summary>Whether the date is a bank holiday. Outside the file's years this cannot be known, so it refuses.</summary>
    public bool Contains(DateOnly date)
    {
        if (date < From || date > To)
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Bank holidays are known from {From:yyyy-MM-dd} to {To:yyyy-MM-dd}; extend the data file.");
        return dates.Contains(date);
    }

    private static BankHolidays Load()
    {
        using var stream = typeof(BankHolidays).Assembly.GetManifestResourceStream("bank-holidays.england-and-wales.json")
            ?? throw new InvalidOperationException("The bank holidays data file is not embedded in Governance.Domain.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var events = root.GetProperty("events").EnumerateArray().Select(e => DateOnly.Parse(e.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        return new BankHolidays(
            events,
            DateOnly.Parse(root.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(root.GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
