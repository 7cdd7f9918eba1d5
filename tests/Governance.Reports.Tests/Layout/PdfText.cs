using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Governance.Reports.Tests.Layout;

/// <summary>Reads a PDF back with PdfPig: the text of each page as lines, top to bottom.</summary>
internal static class PdfText
{
    public static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(Text).ToList();
    }

    public static string Text(Page page) => string.Join("\n", page.GetWords()
        .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
        .OrderByDescending(g => g.Key)
        .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))));
}
