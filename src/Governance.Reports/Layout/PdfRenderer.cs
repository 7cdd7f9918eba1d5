using SkiaSharp;

namespace Governance.Reports.Layout;

/// <summary>What a render produced, for callers that report or store it.</summary>
public sealed record RenderResult(int PageCount, IReadOnlyList<string> Outline);

/// <summary>
/// Renders a <see cref="ReportDocument"/> to PDF with SkiaSharp: a first pass counts pages (for "page X of Y")
/// and finds the headings' pages, a second draws each page and lets it go before the next. Fonts are embedded
/// (as subsets) by Skia; the outline is appended afterwards because SkiaSharp does not expose one.
/// </summary>
public sealed class PdfRenderer(ReportFonts fonts)
{
    /// <param name="output">Written from its current position; must be readable and seekable, as the outline is added last.</param>
    public RenderResult Render(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanSeek || !output.CanRead)
            throw new ArgumentException("The PDF is written to a readable, seekable stream.", nameof(output));

        using var type = new Typesetter(fonts);
        var paginator = new Paginator(type);
        var bookmarks = new List<Bookmark>();
        var pageCount = paginator.Run(document.Blocks, page => bookmarks.AddRange(page.Bookmarks));

        var start = output.Position;
        var info = document.Info;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Author = info.Author,
            Subject = info.Subject,
            Keywords = info.Keywords ?? "",
            Creator = "Governance",
            Producer = "Governance (SkiaSharp)",
            Creation = info.Created.UtcDateTime,
            Modified = info.Created.UtcDateTime,
            RasterDpi = 300,
            EncodingQuality = 101,
        };
        var painter = new ChartPainter(type);
        using (var managed = new SKManagedWStream(output, disposeManagedStream: false))
        using (var pdf = SKDocument.CreatePdf(managed, metadata))
        {
            paginator.Run(document.Blocks, page =>
            {
                var canvas = pdf.BeginPage(Theme.PageWidth, Theme.PageHeight);
                DrawFurniture(canvas, type, info, page.Index + 1, pageCount);
                foreach (var op in page.Ops)
                    Draw(canvas, type, painter, op);
                foreach (var mark in page.Bookmarks)
                    canvas.DrawNamedDestinationAnnotation(new SKPoint(Theme.Left, mark.Y), mark.Destination);
                pdf.EndPage();
            });
            pdf.Close();
        }
        PdfOutlineWriter.Append(output, start, bookmarks);
        return new RenderResult(pageCount, bookmarks.Select(b => b.Title).ToList());
    }

    public byte[] RenderToBytes(ReportDocument document)
    {
        using var buffer = new MemoryStream();
        Render(document, buffer);
        return buffer.ToArray();
    }

    private static void DrawFurniture(SKCanvas canvas, Typesetter type, DocumentInfo info, int page, int pages)
    {
        using var muted = new SKPaint { Color = Theme.Muted, IsAntialias = true };
        using var accent = new SKPaint { Color = Theme.Accent, IsAntialias = true };
        using var rule = new SKPaint { Color = Theme.Rule, StrokeWidth = 0.6f, IsAntialias = true };
        var small = type.Font(FontKind.Regular, 8f);
        var bold = type.Font(FontKind.Bold, 8f);
        var title = Fit(type, info.Title, Theme.TextWidth * 0.55f, 8f);
        canvas.DrawText(title, Theme.Left, 44, SKTextAlign.Left, small, muted);
        canvas.DrawText(Fit(type, info.Classification.ToUpperInvariant(), Theme.TextWidth * 0.43f, 8f, FontKind.Bold), Theme.Right, 44, SKTextAlign.Right, bold, accent);
        canvas.DrawLine(Theme.Left, 50, Theme.Right, 50, rule);
        canvas.DrawLine(Theme.Left, Theme.PageHeight - 46, Theme.Right, Theme.PageHeight - 46, rule);
        canvas.DrawText(Fit(type, info.Subject, Theme.TextWidth * 0.7f, 8f), Theme.Left, Theme.PageHeight - 34, SKTextAlign.Left, small, muted);
        canvas.DrawText($"Page {page} of {pages}", Theme.Right, Theme.PageHeight - 34, SKTextAlign.Right, small, muted);
    }

    private static string Fit(Typesetter type, string text, float width, float size, FontKind font = FontKind.Regular)
    {
        if (type.Width(text, font, size) <= width)
            return text;
        while (text.Length > 1 && type.Width(text + "\u2026", font, size) > width)
            text = text[..^1];
        return text.TrimEnd() + "\u2026";
    }

    private static void Draw(SKCanvas canvas, Typesetter type, ChartPainter painter, DrawOp op)
    {
        switch (op)
        {
            case TextOp t:
                using (var paint = new SKPaint { Color = t.Color, IsAntialias = true })
                    canvas.DrawText(t.Text, t.X, t.Y, SKTextAlign.Left, type.Font(t.Font, t.Size), paint);
                break;
            case RectOp r:
                if (r.Fill is { } fill)
                {
                    using var paint = new SKPaint { Color = fill, Style = SKPaintStyle.Fill };
                    canvas.DrawRect(r.Rect, paint);
                }
                if (r.Stroke is { } stroke)
                {
                    using var paint = new SKPaint { Color = stroke, Style = SKPaintStyle.Stroke, StrokeWidth = r.StrokeWidth };
                    canvas.DrawRect(r.Rect, paint);
                }
                break;
            case LineOp l:
                using (var paint = new SKPaint { Color = l.Color, StrokeWidth = l.Width, IsAntialias = true })
                    canvas.DrawLine(l.X1, l.Y1, l.X2, l.Y2, paint);
                break;
            case ChartOp c:
                painter.Draw(canvas, c.Chart, c.Rect);
                break;
        }
    }
}
