using System.Globalization;

namespace Governance.Reports.Layout;

/// <summary>
/// A chart's text alternative, shared by the PDF (a figure's /Alt, where no table follows, so the figures are
/// spoken too) and the HTML paper (the SVG's description, followed by its data table).
/// </summary>
public static class ChartText
{
    public static string Describe(Chart chart, bool withFigures)
    {
        var (categories, series) = Data(chart);
        var references = chart is LineChart l ? l.References : [];
        var unit = chart switch { LineChart c => c.Unit, BarChart c => c.Unit, _ => null };
        var text = $"{chart.Title}: {(chart is BarChart ? "bar" : "line")} chart of {series.Count} series over {categories.Count} periods"
            + (categories.Count > 0 ? $", from {categories[0]} to {categories[^1]}" : "")
            + (references.Count > 0 ? "; lines mark " + string.Join(", ", references.Select(r => $"{r.Label} at {Format(r.Value)}")) : "")
            + ".";
        if (!withFigures)
            return text + " The figures are in the table that follows.";
        foreach (var s in series)
        {
            var values = categories.Select((c, i) => $"{c} {(i < s.Values.Count && s.Values[i] is { } v ? Format(v) + (unit is "%" ? "%" : "") : "no return")}");
            text += $" {s.Name}{(unit is null or "%" ? "" : $" ({unit})")}: {string.Join(", ", values)}.";
        }
        return text;
    }

    public static (IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series) Data(Chart chart) => chart switch
    {
        LineChart line => (line.Categories, line.Series),
        BarChart bar => (bar.Categories, bar.Series),
        _ => ([], []),
    };

    public static string Format(double value) => value.ToString("0.##", CultureInfo.GetCultureInfo("en-GB"));
}
