using PdfSharp.Drawing;

namespace Governance.Reports.Layout;

/// <summary>Draws line and bar charts as vectors: axes with rounded ticks, reference lines, a legend.</summary>
internal sealed class ChartPainter(Typesetter type)
{
    private const float LabelSize = 7.5f;

    public void Draw(XGraphics canvas, Chart chart, XRect area)
    {
        var (categories, series) = ChartText.Data(chart);
        var references = chart is LineChart line ? line.References : [];
        var unit = chart switch { LineChart l => l.Unit, BarChart b => b.Unit, _ => null };

        var grid = new XPen(Theme.Rule, 0.4);
        canvas.DrawRectangle(new XPen(Theme.Rule, 0.6), area);
        Text(canvas, chart.Title, area.Left + 6, area.Top + 13, FontKind.Bold, 9f, Theme.Ink);

        var values = series.SelectMany(s => s.Values).OfType<double>().Concat(references.Select(r => r.Value)).ToList();
        if (chart is BarChart)
            values.Add(0);
        var (min, max, step) = Scale(values.Count == 0 ? [0, 1] : values);
        var legendHeight = series.Count + references.Count > 1 ? 14f : 0f;
        var plot = new XRect(area.Left + 44, area.Top + 24, 0, 0);
        plot.Width = area.Right - (references.Count > 0 ? 58 : 12) - plot.Left;
        plot.Height = area.Bottom - 22 - legendHeight - plot.Top;
        double Y(double v) => plot.Bottom - (v - min) / (max - min) * plot.Height;

        for (var v = min; v <= max + step / 2; v += step)
        {
            canvas.DrawLine(grid, plot.Left, Y(v), plot.Right, Y(v));
            var label = Format(v, step) + (unit is "%" ? "%" : "");
            Text(canvas, label, plot.Left - 4 - type.Width(label, FontKind.Regular, LabelSize), Y(v) + 2.5, FontKind.Regular, LabelSize, Theme.Muted);
        }
        if (unit is not null and not "%")
            Text(canvas, unit, area.Left + 6, plot.Top - 3, FontKind.Regular, LabelSize, Theme.Muted);

        var n = Math.Max(categories.Count, 1);
        var slot = plot.Width / n;
        var every = Math.Max(1, (int)Math.Ceiling(n * 34f / plot.Width));
        for (var i = 0; i < categories.Count; i += every)
            Text(canvas, categories[i], plot.Left + slot * (i + 0.5) - type.Width(categories[i], FontKind.Regular, LabelSize) / 2, plot.Bottom + 11, FontKind.Regular, LabelSize, Theme.Muted);

        foreach (var reference in references)
        {
            var pen = new XPen(Theme.Reference(reference.Kind), 1);
            if (reference.Kind != ReferenceKind.Target)
                pen.DashPattern = [4, 3];
            canvas.DrawLine(pen, plot.Left, Y(reference.Value), plot.Right, Y(reference.Value));
            Text(canvas, reference.Label, plot.Right + 4, Y(reference.Value) + 2.5, FontKind.Regular, LabelSize, Theme.Reference(reference.Kind));
        }

        if (chart is BarChart)
            DrawBars(canvas, series, plot, slot, Y);
        else
            DrawLines(canvas, series, plot, slot, Y);

        if (legendHeight > 0)
            DrawLegend(canvas, series, references, area.Left + 44, area.Bottom - 8);
    }

    private void Text(XGraphics canvas, string text, double x, double baseline, FontKind font, float size, XColor color) =>
        canvas.DrawString(text, type.Font(font, size), new XSolidBrush(color), x, baseline, XStringFormats.BaseLineLeft);

    private static void DrawLines(XGraphics canvas, IReadOnlyList<ChartSeries> series, XRect plot, double slot, Func<double, double> y)
    {
        for (var s = 0; s < series.Count; s++)
        {
            var color = Theme.Series[s % Theme.Series.Length];
            var stroke = new XPen(color, 1.6) { LineJoin = XLineJoin.Round };
            var dot = new XSolidBrush(color);
            var run = new List<XPoint>();
            for (var i = 0; i <= series[s].Values.Count; i++)
            {
                if (i < series[s].Values.Count && series[s].Values[i] is { } v)
                {
                    var point = new XPoint(plot.Left + slot * (i + 0.5), y(v));
                    run.Add(point);
                    canvas.DrawEllipse(dot, point.X - 1.8, point.Y - 1.8, 3.6, 3.6);
                    continue;
                }
                // A missing return leaves a gap rather than a line drawn through it.
                if (run.Count > 1)
                    canvas.DrawLines(stroke, [.. run]);
                run.Clear();
            }
        }
    }

    private static void DrawBars(XGraphics canvas, IReadOnlyList<ChartSeries> series, XRect plot, double slot, Func<double, double> y)
    {
        var groupWidth = slot * 0.7;
        var barWidth = groupWidth / Math.Max(series.Count, 1);
        for (var s = 0; s < series.Count; s++)
        {
            var fill = new XSolidBrush(Theme.Series[s % Theme.Series.Length]);
            for (var i = 0; i < series[s].Values.Count; i++)
            {
                if (series[s].Values[i] is not { } v)
                    continue;
                var left = plot.Left + slot * i + (slot - groupWidth) / 2 + barWidth * s;
                var top = Math.Min(y(v), y(0));
                canvas.DrawRectangle(fill, left, top, barWidth - 1, Math.Max(y(v), y(0)) - top);
            }
        }
    }

    private void DrawLegend(XGraphics canvas, IReadOnlyList<ChartSeries> series, IReadOnlyList<ReferenceLine> references, double x, double baseline)
    {
        var entries = series.Select((s, i) => (s.Name, Theme.Series[i % Theme.Series.Length]))
            .Concat(references.Select(r => (r.Label, Theme.Reference(r.Kind))));
        foreach (var (name, color) in entries)
        {
            canvas.DrawRectangle(new XSolidBrush(color), x, baseline - 6, 10, 5);
            Text(canvas, name, x + 13, baseline, FontKind.Regular, LabelSize, Theme.Muted);
            x += 22 + type.Width(name, FontKind.Regular, LabelSize);
        }
    }

    /// <summary>An axis from a rounded minimum to a rounded maximum in steps of 1, 2 or 5 times a power of ten.</summary>
    internal static (double Min, double Max, double Step) Scale(IReadOnlyCollection<double> values)
    {
        var low = values.Min();
        var high = values.Max();
        if (high - low < 1e-9)
        {
            low -= 1;
            high += 1;
        }
        var pad = (high - low) * 0.08;
        low = low >= 0 && low - pad < 0 ? 0 : low - pad;
        high += pad;
        var raw = (high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    private static string Format(double value, double step) =>
        value.ToString(step >= 1 ? "#,0" : step >= 0.1 ? "#,0.0" : "#,0.00", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
