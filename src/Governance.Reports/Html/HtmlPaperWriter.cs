using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Governance.Reports.Layout;

namespace Governance.Reports.Html;

/// <summary>
/// The accessible version of a document: the same blocks the PDF is laid out from, written as semantic HTML in the
/// GOV.UK Design System's classes. Headings keep their order, numbered paragraphs keep their numbers, tables have a
/// caption and header cells, a RAG status is written as a word (never colour alone), and a chart is an SVG with a
/// text alternative followed by its data as a table. Every piece of text is HTML-encoded; the only markup that comes
/// from the data is the paragraphs' **bold** and *italic*.
/// </summary>
public static partial class HtmlPaperWriter
{
    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<!\*)\*(?!\*)(.+?)(?<!\*)\*(?!\*)")]
    private static partial Regex Italic();

    /// <param name="topLevel">The HTML heading level of the document's title (1 when the paper is the page).</param>
    public static string Write(ReportDocument document, int topLevel = 1)
    {
        var html = new StringBuilder();
        html.Append("<article class=\"council-paper\" lang=\"en-GB\">");
        var charts = 0;
        var titled = false;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    // The first heading (the paper's title) is the page's one h1; the sections, level 1 in the PDF's
                    // outline, sit under it as h2, and their subheadings one level further down.
                    var level = Math.Clamp(heading.Level + topLevel - (titled ? 0 : 1), 1, 6);
                    titled = true;
                    var size = level switch { 1 => "xl", 2 => "l", 3 => "m", _ => "s" };
                    html.Append(CultureInfo.InvariantCulture, $"<h{level} class=\"govuk-heading-{size}\">{Encode(heading.Text)}</h{level}>");
                    break;
                case Paragraph paragraph:
                    var style = paragraph.Style switch { TextStyle.Small or TextStyle.Caption => "govuk-body-s", _ => "govuk-body" };
                    html.Append(CultureInfo.InvariantCulture, $"<p class=\"{style}\">");
                    if (paragraph.Number is { } number)
                        html.Append(CultureInfo.InvariantCulture, $"<span class=\"council-paper__number\">{Encode(number)}</span> ");
                    html.Append(Inline(paragraph.Text)).Append("</p>");
                    break;
                case BulletList list:
                    html.Append("<ul class=\"govuk-list govuk-list--bullet\">");
                    foreach (var item in list.Items)
                        html.Append("<li>").Append(Inline(item)).Append("</li>");
                    html.Append("</ul>");
                    break;
                case FieldList fields:
                    html.Append("<dl class=\"govuk-summary-list\">");
                    foreach (var (label, value) in fields.Fields)
                        html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">{Encode(label)}</dt><dd class=\"govuk-summary-list__value\">{Encode(value)}</dd></div>");
                    html.Append("</dl>");
                    break;
                case Table table:
                    WriteTable(html, table.Caption, table.Columns.Select(c => c.Title).ToList(), table.Rows.Select(r => r.Cells.Select(CellText).ToList()).ToList(), table.Columns.Select(c => c.Align).ToList());
                    break;
                case Chart chart:
                    WriteChart(html, chart, ++charts);
                    break;
            }
        }

        return html.Append("</article>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Encoded first, then the light markup turned into elements: nothing in the data becomes markup otherwise.</summary>
    private static string Inline(string text) => Italic().Replace(Bold().Replace(Encode(text), "<strong>$1</strong>"), "<em>$1</em>");

    private static string CellText(TableCell cell) => cell.Status is { } status && !cell.Text.Contains(status.ToString(), StringComparison.OrdinalIgnoreCase)
        ? $"{cell.Text} ({status})"
        : cell.Text;

    private static void WriteTable(StringBuilder html, string? caption, List<string> headers, List<List<string>> rows, List<CellAlign> align)
    {
        html.Append("<table class=\"govuk-table\">");
        if (caption is not null)
            html.Append(CultureInfo.InvariantCulture, $"<caption class=\"govuk-table__caption govuk-table__caption--s\">{Encode(caption)}</caption>");
        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        for (var i = 0; i < headers.Count; i++)
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"govuk-table__header{Numeric(align, i)}\">{Encode(headers[i])}</th>");
        html.Append("</tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var row in rows)
        {
            html.Append("<tr class=\"govuk-table__row\">");
            for (var i = 0; i < row.Count; i++)
            {
                // The first cell names the row, as a row header: a screen reader announces it with each value.
                html.Append(i == 0
                    ? $"<th scope=\"row\" class=\"govuk-table__header\">{Encode(row[i])}</th>"
                    : $"<td class=\"govuk-table__cell{Numeric(align, i)}\">{Encode(row[i])}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Numeric(List<CellAlign> align, int column) =>
        column < align.Count && align[column] == CellAlign.Right ? " govuk-table__header--numeric govuk-table__cell--numeric" : "";

    /// <summary>An SVG of the series (its title and description are the text alternative), then the same figures as a table.</summary>
    private static void WriteChart(StringBuilder html, Chart chart, int index)
    {
        var (categories, series) = ChartText.Data(chart);
        var references = chart is LineChart l ? l.References : [];
        var unit = chart switch { LineChart c => c.Unit, BarChart c => c.Unit, _ => null };
        var values = series.SelectMany(s => s.Values).Concat(references.Select(r => (double?)r.Value)).OfType<double>().ToList();
        var (min, max) = values.Count == 0 ? (0d, 1d) : (Math.Min(0, values.Min()), values.Max() == values.Min() ? values.Max() + 1 : values.Max());
        const int Width = 600, Height = 240, Pad = 30;
        double X(int i) => Pad + (categories.Count <= 1 ? 0 : i * (Width - 2 * Pad) / (double)(categories.Count - 1));
        double Y(double v) => Height - Pad - (v - min) / (max - min) * (Height - 2 * Pad);

        var id = $"chart-{index}";
        var description = ChartText.Describe(chart, withFigures: false);
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"council-paper__figure\"><svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        html.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(chart.Title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>");
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - Pad}\" y2=\"{Height - Pad}\" stroke=\"#0b0c0c\"/>");
        foreach (var reference in references)
        {
            var colour = reference.Kind switch { ReferenceKind.Red => "#aa2a16", ReferenceKind.Amber => "#8a4f00", _ => "#0b0c0c" };
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" y1=\"{Y(reference.Value):F1}\" x2=\"{Width - Pad}\" y2=\"{Y(reference.Value):F1}\" stroke=\"{colour}\" stroke-dasharray=\"6 4\"/>");
        }

        string[] palette = ["#1d70b8", "#0b0c0c", "#00703c", "#5694ca"];
        for (var s = 0; s < series.Count; s++)
        {
            var points = series[s].Values.Select((v, i) => v is { } value ? $"{X(i):F1},{Y(value):F1}" : null).OfType<string>();
            html.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{palette[s % palette.Length]}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>");
        }

        html.Append("</svg><figcaption class=\"govuk-body-s\">").Append(Encode(chart.Title)).Append("</figcaption></figure>");
        var headers = new List<string> { "Period" };
        headers.AddRange(series.Select(s => unit is null ? s.Name : $"{s.Name} ({unit})"));
        var rows = categories.Select((category, i) => new List<string> { category }.Concat(series.Select(s => i < s.Values.Count && s.Values[i] is { } v ? Format(v) : "no return")).ToList()).ToList();
        WriteTable(html, $"{chart.Title}: the figures", headers, rows, [CellAlign.Left, .. series.Select(_ => CellAlign.Right)]);
    }

    private static string Format(double value) => ChartText.Format(value);
}
