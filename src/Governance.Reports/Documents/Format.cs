using System.Globalization;

namespace Governance.Reports.Documents;

/// <summary>How figures and dates read in a council paper: "£2,300,000", "7 October 2014".</summary>
internal static class Format
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Money(decimal value) => value.ToString("£#,0", English);

    /// <summary>"3", "3 and 4", "1, 3 and 4": a list as a sentence says it.</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all[..^1])} and {all[^1]}";
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "\u2013";

    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", English);

    public static string Instant(DateTime utc) => Date(Domain.Calendar.LondonTime.DateOf(utc));

    public static string Month(DateOnly period) => period.ToString("MMM yy", English);

    public static string Number(decimal value) => value.ToString("#,0.##", English);

    public static string Percent(decimal fraction) => (fraction * 100).ToString("0", English) + "%";

    public static string Value(decimal value, string unit) => unit == "%" ? $"{Number(value)}%" : $"{Number(value)} {unit}";

    public static string Days(int? days) => days switch
    {
        null => "\u2013",
        0 => "on time",
        > 0 => $"{days} days late",
        _ => $"{-days} days early",
    };

    /// <summary>Splits PascalCase enum names into words: "ApproachingTarget" reads "Approaching target".</summary>
    public static string Words(string name)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
                text.Append(' ').Append(char.ToLowerInvariant(c));
            else
                text.Append(c);
        }
        return text.ToString();
    }

    public static string Letter(int index) => ((char)('A' + index)).ToString();
}
