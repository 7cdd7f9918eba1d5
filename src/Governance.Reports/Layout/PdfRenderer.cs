using System.Security.Cryptography;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Governance.Reports.Layout;

/// <summary>What a render produced, for callers that report or store it.</summary>
public sealed record RenderResult(int PageCount, IReadOnlyList<string> Outline);

/// <summary>
/// Renders a <see cref="ReportDocument"/> to a tagged PDF with PDFsharp: a first pass counts pages (for "page X of
/// Y"), a second draws each page. Headings, paragraphs, lists, tables and charts become elements of the structure
/// tree in reading order (charts as figures with their text alternative); running heads, rules and fills are
/// artifacts. The language is en-GB, the title is shown instead of the file name, fonts are embedded as subsets,
/// and the same document renders to the same bytes (the file identifier comes from the content).
/// See docs/adr/0017 for why PDFsharp rather than SkiaSharp.
/// </summary>
public sealed class PdfRenderer(ReportFonts fonts)
{
    public const string Language = "en-GB";

    /// <param name="output">Written from its current position.</param>
    public RenderResult Render(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        using var type = new Typesetter(fonts);
        var paginator = new Paginator(type);
        var pageCount = paginator.Run(document.Blocks, _ => { });

        var info = document.Info;
        using var pdf = new PdfDocument();
        pdf.Info.Title = info.Title;
        pdf.Info.Author = info.Author;
        pdf.Info.Subject = info.Subject;
        pdf.Info.Keywords = info.Keywords ?? "";
        pdf.Info.Creator = "Governance";
        pdf.Info.CreationDate = info.Created.UtcDateTime;
        pdf.Info.ModificationDate = info.Created.UtcDateTime;
        pdf.ViewerPreferences.DisplayDocTitle = true;
        pdf.Options.CompressContentStreams = true;
        pdf.PageMode = PdfPageMode.UseOutlines;
        var id = DocumentId(document, pageCount);
        pdf.Internals.FirstDocumentID = id;
        pdf.Internals.SecondDocumentID = id;
        var ua = UAManager.ForDocument(pdf);
        ua.SetDocumentLanguage(Language);
        var structure = ua.StructureBuilder;

        var painter = new ChartPainter(type);
        var outline = new List<string>();
        PdfOutline? section = null;
        XGraphics? previous = null;
        paginator.Run(document.Blocks, plan =>
        {
            // A paragraph running on to the next page has marked content open: PDFsharp closes it on the page it
            // began when the next page is added, so that page's graphics must still be open then.
            var page = pdf.AddPage();
            previous?.Dispose();
            page.Width = XUnit.FromPoint(Theme.PageWidth);
            page.Height = XUnit.FromPoint(Theme.PageHeight);
            var canvas = XGraphics.FromPdfPage(page);
            previous = canvas;
            structure.BeginArtifact();
            DrawFurniture(canvas, type, info, plan.Index + 1, pageCount);
            structure.End();
            foreach (var op in plan.Ops)
                Draw(canvas, type, painter, structure, op);
            foreach (var mark in plan.Bookmarks)
            {
                var entry = new PdfOutline(mark.Title, page, true) { PageDestinationType = PdfPageDestinationType.Xyz, Left = Theme.Left, Top = mark.Y };
                if (mark.Level == 1 || section is null)
                {
                    pdf.Outlines.Add(entry);
                    section = entry;
                }
                else
                {
                    section.Outlines.Add(entry);
                }
                outline.Add(mark.Title);
            }
        });
        previous?.Dispose();
        using var buffer = new MemoryStream();
        pdf.Save(buffer, closeStream: false);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        StableOutput.Apply(bytes, id);
        output.Write(bytes);
        return new RenderResult(pageCount, outline);
    }

    public byte[] RenderToBytes(ReportDocument document)
    {
        using var buffer = new MemoryStream();
        Render(document, buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// PDFsharp would give every file a random identifier, so a paper regenerated from the same data would hash
    /// differently and publish a needless new version. The identifier is the document's own fingerprint instead.
    /// </summary>
    private static string DocumentId(ReportDocument document, int pageCount)
    {
        var text = new StringBuilder().Append(document.Info).Append(pageCount);
        foreach (var block in document.Blocks)
            text.Append(block);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }

    private static void DrawFurniture(XGraphics canvas, Typesetter type, DocumentInfo info, int page, int pages)
    {
        var rule = new XPen(Theme.Rule, 0.6);
        var title = Fit(type, info.Title, Theme.TextWidth * 0.55f, 8f);
        Text(canvas, type, title, Theme.Left, 44, FontKind.Regular, 8f, Theme.Muted);
        var classification = Fit(type, info.Classification.ToUpperInvariant(), Theme.TextWidth * 0.43f, 8f, FontKind.Bold);
        Text(canvas, type, classification, Theme.Right - type.Width(classification, FontKind.Bold, 8f), 44, FontKind.Bold, 8f, Theme.Accent);
        canvas.DrawLine(rule, Theme.Left, 50, Theme.Right, 50);
        canvas.DrawLine(rule, Theme.Left, Theme.PageHeight - 46, Theme.Right, Theme.PageHeight - 46);
        Text(canvas, type, Fit(type, info.Subject, Theme.TextWidth * 0.7f, 8f), Theme.Left, Theme.PageHeight - 34, FontKind.Regular, 8f, Theme.Muted);
        var number = $"Page {page} of {pages}";
        Text(canvas, type, number, Theme.Right - type.Width(number, FontKind.Regular, 8f), Theme.PageHeight - 34, FontKind.Regular, 8f, Theme.Muted);
    }

    private static void Text(XGraphics canvas, Typesetter type, string text, double x, double baseline, FontKind font, float size, XColor color) =>
        canvas.DrawString(text, type.Font(font, size), new XSolidBrush(color), x, baseline, XStringFormats.BaseLineLeft);

    private static string Fit(Typesetter type, string text, float width, float size, FontKind font = FontKind.Regular)
    {
        if (type.Width(text, font, size) <= width)
            return text;
        while (text.Length > 1 && type.Width(text + "\u2026", font, size) > width)
            text = text[..^1];
        return text.TrimEnd() + "\u2026";
    }

    private static void Draw(XGraphics canvas, Typesetter type, ChartPainter painter, StructureBuilder structure, DrawOp op)
    {
        switch (op)
        {
            case BeginTag { Tag: StructureTag.Caption }:
                structure.BeginElement(PdfGroupingElementTag.Caption);
                break;
            case BeginTag begin:
                structure.BeginElement(Tag(begin.Tag));
                break;
            case EndTag:
                structure.End();
                break;
            case TextOp { Artifact: true } t:
                structure.BeginArtifact();
                Text(canvas, type, t.Text, t.X, t.Y, t.Font, t.Size, t.Color);
                structure.End();
                break;
            case TextOp t:
                Text(canvas, type, t.Text, t.X, t.Y, t.Font, t.Size, t.Color);
                break;
            case RectOp r:
                structure.BeginArtifact();
                if (r.Fill is { } fill)
                    canvas.DrawRectangle(new XSolidBrush(fill), r.Rect);
                if (r.Stroke is { } stroke)
                    canvas.DrawRectangle(new XPen(stroke, r.StrokeWidth), r.Rect);
                structure.End();
                break;
            case LineOp l:
                structure.BeginArtifact();
                canvas.DrawLine(new XPen(l.Color, l.Width), l.X1, l.Y1, l.X2, l.Y2);
                structure.End();
                break;
            case ChartOp c:
                structure.BeginElement(PdfIllustrationElementTag.Figure, ChartText.Describe(c.Chart, withFigures: true), c.Rect);
                painter.Draw(canvas, c.Chart, c.Rect);
                structure.End();
                break;
        }
    }

    private static PdfBlockLevelElementTag Tag(StructureTag tag) => tag switch
    {
        StructureTag.H1 => PdfBlockLevelElementTag.Heading1,
        StructureTag.H2 => PdfBlockLevelElementTag.Heading2,
        StructureTag.H3 => PdfBlockLevelElementTag.Heading3,
        StructureTag.L => PdfBlockLevelElementTag.List,
        StructureTag.LI => PdfBlockLevelElementTag.ListItem,
        StructureTag.Lbl => PdfBlockLevelElementTag.Label,
        StructureTag.LBody => PdfBlockLevelElementTag.ListBody,
        StructureTag.Table => PdfBlockLevelElementTag.Table,
        StructureTag.TR => PdfBlockLevelElementTag.TableRow,
        StructureTag.TH => PdfBlockLevelElementTag.TableHeaderCell,
        StructureTag.TD => PdfBlockLevelElementTag.TableDataCell,
        _ => PdfBlockLevelElementTag.Paragraph,
    };
}
