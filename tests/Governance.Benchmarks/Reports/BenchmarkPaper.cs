using System.Globalization;
using System.Net;
using System.Text;
using Governance.Domain.Performance;
using Governance.Reports.Layout;

namespace Governance.Benchmarks.Reports;

/// <summary>
/// The benchmark's committee paper: fourteen sections of narrative, ten KPI trend charts and a 1,000-row contract
/// register, as our document model and as the HTML a council would otherwise print with Chromium. Both carry the
/// same text, table and chart data.
/// </summary>
internal static class BenchmarkPaper
{
    private static readonly string[] Sentences =
    [
        "The programme board reviewed progress against the plan agreed by Cabinet and noted that dialogue with the three remaining bidders continues.",
        "Officers have kept spending on external advice to a minimum and have used existing staff wherever they could.",
        "The service description will be refined in the light of dialogue and issued again before detailed solutions are invited.",
        "Residents' appetite for online services remains high, and the pathfinder services were chosen because their transactions move most easily online.",
        "Integration with the systems of Environment and Regeneration is the main dependency, and the two procurements are being aligned.",
        "The union has been consulted on the effect on contact centre staff and its response is summarised in section six.",
    ];

    public static ReportDocument Document(int registerRows, int paragraphsPerSection)
    {
        var blocks = new List<Block>
        {
            new Heading(1, "Customer Contact Programme: annual review"),
            new FieldList([("Committee", "Overview and Scrutiny Commission"), ("Date", "7 October 2026"), ("Wards", "All"), ("Lead officer", "Assistant Director of Business Improvement")]),
        };
        for (var section = 1; section <= 14; section++)
        {
            blocks.Add(new Heading(1, $"{section} Section {section}"));
            for (var p = 1; p <= paragraphsPerSection; p++)
                blocks.Add(new Paragraph(Paragraph(section, p), $"{section}.{p}"));
            if (section == 3)
                blocks.AddRange(Enumerable.Range(1, 10).Select(Chart));
            if (section == 8)
                blocks.Add(Register(registerRows));
        }
        return new ReportDocument(new DocumentInfo("Customer Contact Programme: annual review", "Democratic Services", "Benchmark paper", "Public", DateTimeOffset.UnixEpoch), blocks);
    }

    public static string Html(ReportDocument document)
    {
        var html = new StringBuilder("""
            <!doctype html><html><head><meta charset="utf-8"><style>
            @page { size: A4; margin: 27mm 20mm 22mm 20mm; }
            body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.39; color: #1b1f24; }
            h1 { font-size: 12.5pt; color: #1d3557; border-bottom: 0.6pt solid #b8c2cc; break-after: avoid; }
            p.n { padding-left: 34pt; text-indent: -34pt; } p.n span { display: inline-block; width: 34pt; text-indent: 0; }
            table { width: 100%; border-collapse: collapse; font-size: 8.8pt; } thead { display: table-header-group; }
            th { background: #1d3557; color: #fff; text-align: left; padding: 4pt; } td { padding: 4pt; border-bottom: 0.5pt solid #b8c2cc; }
            tr { break-inside: avoid; } tr:nth-child(even) td { background: #f3f5f8; }
            td.Green { background: #00703c !important; color: #fff; } td.Amber { background: #ffbf47 !important; } td.Red { background: #d4351c !important; color: #fff; }
            svg { display: block; margin: 4pt 0 10pt; break-inside: avoid; }
            </style></head><body>
            """);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    html.Append(CultureInfo.InvariantCulture, $"<h1>{E(h.Text)}</h1>");
                    break;
                case Paragraph p:
                    html.Append(CultureInfo.InvariantCulture, $"<p class=\"n\"><span>{p.Number}</span>{E(p.Text)}</p>");
                    break;
                case FieldList f:
                    html.Append("<table>").AppendJoin("", f.Fields.Select(x => $"<tr><td><b>{E(x.Label)}</b></td><td>{E(x.Value)}</td></tr>")).Append("</table>");
                    break;
                case Table t:
                    html.Append(CultureInfo.InvariantCulture, $"<p><i>{E(t.Caption ?? "")}</i></p><table><thead><tr>")
                        .AppendJoin("", t.Columns.Select(c => $"<th>{E(c.Title)}</th>")).Append("</tr></thead><tbody>");
                    foreach (var row in t.Rows)
                        html.Append("<tr>").AppendJoin("", row.Cells.Select(c => $"<td class=\"{c.Status}\">{E(c.Text)}</td>")).Append("</tr>");
                    html.Append("</tbody></table>");
                    break;
                case LineChart c:
                    html.Append(Svg(c));
                    break;
            }
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Paragraph(int section, int index) =>
        string.Join(' ', Enumerable.Range(0, 4).Select(i => Sentences[(section + index + i) % Sentences.Length]));

    private static LineChart Chart(int n)
    {
        var months = Enumerable.Range(0, 24).Select(i => new DateOnly(2024, 4, 1).AddMonths(i)).ToList();
        return new LineChart(
            $"KPI {n}: indicator {n} against target",
            [.. months.Select(m => m.ToString("MMM yy", CultureInfo.InvariantCulture))],
            [new ChartSeries("Return", [.. months.Select((_, i) => (double?)(88 + 6 * Math.Sin((i + n) / 3.0)))])],
            [new ReferenceLine("Target 90", 90, ReferenceKind.Target), new ReferenceLine("Amber 85", 85, ReferenceKind.Amber), new ReferenceLine("Red 80", 80, ReferenceKind.Red)],
            "%");
    }

    private static Table Register(int rows) => new(
        [new("Reference", 1), new("Contract", 3), new("Supplier", 2), new("Annual value", 1.2f, CellAlign.Right), new("Status", 0.8f, CellAlign.Center)],
        [.. Enumerable.Range(1, rows).Select(i => new TableRow([
            $"C-{i:D5}", $"Service contract {i} for {(i % 5) switch { 0 => "waste collection", 1 => "highways maintenance", 2 => "ICT support", 3 => "home care", _ => "facilities management" }}",
            $"Supplier {i % 97} Ltd", (i * 7919m % 2_000_000m).ToString("£#,0", CultureInfo.InvariantCulture), new TableCell(((Rag)(i % 3)).ToString(), (Rag)(i % 3))]))],
        $"Contract register: {rows:N0} contracts");

    /// <summary>The same chart as inline SVG: polyline, reference lines and labels, 482 x 190 points.</summary>
    private static string Svg(LineChart chart)
    {
        var values = chart.Series[0].Values.Select(v => v ?? 0).ToList();
        const double w = 482, h = 190, left = 44, right = 58, top = 24, bottom = 36;
        const double min = 75, max = 100;
        double Y(double v) => top + (max - v) / (max - min) * (h - top - bottom);
        double X(int i) => left + (w - left - right) / values.Count * (i + 0.5);
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg width=\"{w}pt\" height=\"{h}pt\" viewBox=\"0 0 {w} {h}\" font-size=\"7.5\"><rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"none\" stroke=\"#b8c2cc\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"6\" y=\"13\" font-weight=\"bold\" font-size=\"9\">{E(chart.Title)}</text>");
        foreach (var r in chart.References)
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{w - right}\" y1=\"{Y(r.Value):F1}\" y2=\"{Y(r.Value):F1}\" stroke=\"#d4351c\" stroke-dasharray=\"4 3\"/><text x=\"{w - right + 4}\" y=\"{Y(r.Value) + 2.5:F1}\">{E(r.Label)}</text>");
        for (var i = 0; i < values.Count; i += 3)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):F1}\" y=\"{h - bottom + 11}\" text-anchor=\"middle\">{chart.Categories[i]}</text>");
        svg.Append("<polyline fill=\"none\" stroke=\"#1d3557\" stroke-width=\"1.6\" points=\"")
            .AppendJoin(" ", values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):F1},{Y(v):F1}"))).Append("\"/>");
        svg.AppendJoin("", values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):F1}\" cy=\"{Y(v):F1}\" r=\"1.8\" fill=\"#1d3557\"/>")));
        return svg.Append("</svg>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text.Replace("**", "", StringComparison.Ordinal));
}
