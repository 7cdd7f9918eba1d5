using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Governance.Reports.Tests.Layout;

/// <summary>Reads a PDF back with PdfPig: the text of each page as lines, top to bottom.</summary>
internal static class PdfText
{
    public static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(Text).ToList();
    }

    /// <summary>
    /// The text in the order it was drawn, whitespace collapsed: a table cell's lines stay together even where they
    /// wrap differently in a wider font, where <see cref="Text"/> interleaves the cells of a row line by line.
    /// </summary>
    public static string Drawn(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
        return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    public static string Text(Page page) => string.Join("\n", page.GetWords()
        .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
        .OrderByDescending(g => g.Key)
        .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))));
}
