using SkiaSharp;

namespace Governance.Reports.Layout;

/// <summary>Draws line and bar charts as vectors: axes with rounded ticks, reference lines, a legend.</summary>
internal sealed class ChartPainter(Typesetter type)
{
    private const float LabelSize = 7.5f;

    public void Draw(SKCanvas canvas, Chart chart, SKRect area)
    {
        var categories = chart switch { LineChart l => l.Categories, BarChart b => b.Categories, _ => [] };
        var series = chart switch { LineChart l => l.Series, BarChart b => b.Series, _ => [] };
        var references = chart is LineChart line ? line.References : [];
        var unit = chart switch { LineChart l => l.Unit, BarChart b => b.Unit, _ => null };

        using var ink = new SKPaint { Color = Theme.Ink, IsAntialias = true };
        using var muted = new SKPaint { Color = Theme.Muted, IsAntialias = true };
        using var grid = new SKPaint { Color = Theme.Rule, StrokeWidth = 0.4f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var frame = new SKPaint { Color = Theme.Rule, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRect(area, frame);
        canvas.DrawText(chart.Title, area.Left + 6, area.Top + 13, SKTextAlign.Left, type.Font(FontKind.Bold, 9f), ink);

        var values = series.SelectMany(s => s.Values).OfType<double>().Concat(references.Select(r => r.Value)).ToList();
        if (chart is BarChart)
            values.Add(0);
        var (min, max, step) = Scale(values.Count == 0 ? [0, 1] : values);
        var legendHeight = series.Count + references.Count > 1 ? 14f : 0f;
        var plot = new SKRect(area.Left + 44, area.Top + 24, area.Right - (references.Count > 0 ? 58 : 12), area.Bottom - 22 - legendHeight);
        float Y(double v) => (float)(plot.Bottom - (v - min) / (max - min) * plot.Height);

        var labelFont = type.Font(FontKind.Regular, LabelSize);
        for (var v = min; v <= max + step / 2; v += step)
        {
            canvas.DrawLine(plot.Left, Y(v), plot.Right, Y(v), grid);
            canvas.DrawText(Format(v, step) + (unit is "%" ? "%" : ""), plot.Left - 4, Y(v) + 2.5f, SKTextAlign.Right, labelFont, muted);
        }
        if (unit is not null and not "%")
            canvas.DrawText(unit, area.Left + 6, plot.Top - 3, SKTextAlign.Left, labelFont, muted);

        var n = Math.Max(categories.Count, 1);
        var slot = plot.Width / n;
        var every = Math.Max(1, (int)Math.Ceiling(n * 34f / plot.Width));
        for (var i = 0; i < categories.Count; i += every)
            canvas.DrawText(categories[i], plot.Left + slot * (i + 0.5f), plot.Bottom + 11, SKTextAlign.Center, labelFont, muted);

        foreach (var reference in references)
        {
            using var paint = new SKPaint
            {
                Color = Theme.Reference(reference.Kind), StrokeWidth = 1f, Style = SKPaintStyle.Stroke, IsAntialias = true,
                PathEffect = reference.Kind == ReferenceKind.Target ? null : SKPathEffect.CreateDash([4, 3], 0),
            };
            using var text = new SKPaint { Color = Theme.Reference(reference.Kind), IsAntialias = true };
            canvas.DrawLine(plot.Left, Y(reference.Value), plot.Right, Y(reference.Value), paint);
            canvas.DrawText(reference.Label, plot.Right + 4, Y(reference.Value) + 2.5f, SKTextAlign.Left, labelFont, text);
        }

        if (chart is BarChart)
            DrawBars(canvas, series, plot, slot, Y);
        else
            DrawLines(canvas, series, plot, slot, Y);

        if (legendHeight > 0)
            DrawLegend(canvas, series, references, area.Left + 44, area.Bottom - 8, labelFont, muted);
    }

    private static void DrawLines(SKCanvas canvas, IReadOnlyList<ChartSeries> series, SKRect plot, float slot, Func<double, float> y)
    {
        for (var s = 0; s < series.Count; s++)
        {
            using var stroke = new SKPaint { Color = Theme.Series[s % Theme.Series.Length], StrokeWidth = 1.6f, Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeJoin = SKStrokeJoin.Round };
            using var dot = new SKPaint { Color = stroke.Color, IsAntialias = true };
            using var path = new SKPath();
            var open = false;
            for (var i = 0; i < series[s].Values.Count; i++)
            {
                if (series[s].Values[i] is not { } v)
                {
                    open = false; // a missing return leaves a gap rather than a line drawn through it
                    continue;
                }
                var point = new SKPoint(plot.Left + slot * (i + 0.5f), y(v));
                if (open)
                    path.LineTo(point);
                else
                    path.MoveTo(point);
                open = true;
                canvas.DrawCircle(point, 1.8f, dot);
            }
            canvas.DrawPath(path, stroke);
        }
    }

    private static void DrawBars(SKCanvas canvas, IReadOnlyList<ChartSeries> series, SKRect plot, float slot, Func<double, float> y)
    {
        var groupWidth = slot * 0.7f;
        var barWidth = groupWidth / Math.Max(series.Count, 1);
        for (var s = 0; s < series.Count; s++)
        {
            using var fill = new SKPaint { Color = Theme.Series[s % Theme.Series.Length], IsAntialias = true };
            for (var i = 0; i < series[s].Values.Count; i++)
            {
                if (series[s].Values[i] is not { } v)
                    continue;
                var left = plot.Left + slot * i + (slot - groupWidth) / 2 + barWidth * s;
                canvas.DrawRect(new SKRect(left, Math.Min(y(v), y(0)), left + barWidth - 1, Math.Max(y(v), y(0))), fill);
            }
        }
    }

    private void DrawLegend(SKCanvas canvas, IReadOnlyList<ChartSeries> series, IReadOnlyList<ReferenceLine> references, float x, float baseline, SKFont font, SKPaint text)
    {
        var entries = series.Select((s, i) => (s.Name, Theme.Series[i % Theme.Series.Length]))
            .Concat(references.Select(r => (r.Label, Theme.Reference(r.Kind))));
        foreach (var (name, color) in entries)
        {
            using var swatch = new SKPaint { Color = color };
            canvas.DrawRect(new SKRect(x, baseline - 6, x + 10, baseline - 1), swatch);
            canvas.DrawText(name, x + 13, baseline, SKTextAlign.Left, font, text);
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
