using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Governance.Reports.Layout;

internal enum FontKind
{
    Regular,
    Bold,
    Italic,
}

internal readonly record struct Run(string Text, FontKind Font);

internal readonly record struct Segment(float X, string Text, FontKind Font);

internal sealed record Line(IReadOnlyList<Segment> Segments, float Width);

/// <summary>
/// Measures and wraps text in the report fonts, with the same metrics PDFsharp draws with. Fonts are cached per
/// kind and size, and widths per word: a paper measures the same few hundred words thousands of times.
/// </summary>
internal sealed class Typesetter : IDisposable
{
    private const double MeasureSize = 100;
    private readonly ReportFonts fonts;
    private readonly XGraphics measure;
    private readonly Dictionary<(FontKind, float), XFont> cache = [];
    private readonly Dictionary<(string, FontKind), float> widths = [];

    public Typesetter(ReportFonts fonts)
    {
        this.fonts = fonts;
        measure = XGraphics.CreateMeasureContext(new XSize(Theme.PageWidth, Theme.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public XFont Font(FontKind kind, float size)
    {
        if (!cache.TryGetValue((kind, size), out var font))
        {
            var style = kind switch { FontKind.Bold => XFontStyleEx.Bold, FontKind.Italic => XFontStyleEx.Italic, _ => XFontStyleEx.Regular };
            font = new XFont(fonts.Family, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
            cache[(kind, size)] = font;
        }
        return font;
    }

    public float Width(string text, FontKind kind, float size)
    {
        if (!widths.TryGetValue((text, kind), out var width))
        {
            width = (float)(measure.MeasureString(text, Font(kind, (float)MeasureSize)).Width / MeasureSize);
            if (widths.Count < 50_000)
                widths[(text, kind)] = width;
        }
        return width * size;
    }

    /// <summary>
    /// Greedy line breaking at spaces. A word may change style part-way ("(*Develop*" is one word), so words are
    /// built from runs first and only ever broken at spaces. A word wider than the whole line (a long reference in
    /// a narrow column) is broken after a hyphen or slash it contains, or else with a hyphen added: never silently
    /// mid-word.
    /// </summary>
    public List<Line> Wrap(IEnumerable<Run> runs, float width, float size)
    {
        var lines = new List<Line>();
        var segments = new List<Segment>();
        var x = 0f;
        foreach (var word in Words(runs))
        {
            var space = x > 0 && word.SpaceBefore ? Width(" ", word.Pieces[0].Font, size) : 0;
            var wordWidth = word.Pieces.Sum(p => Width(p.Text, p.Font, size));
            if (x > 0 && x + space + wordWidth > width)
            {
                lines.Add(new Line([.. segments], x));
                segments.Clear();
                x = 0;
                space = 0;
            }
            x += space;
            foreach (var piece in word.Pieces)
            {
                var text = piece.Text;
                var pieceWidth = Width(text, piece.Font, size);
                while (x + pieceWidth > width && text.Length > 1)
                {
                    var (head, rest) = Split(text, width - x, piece.Font, size);
                    if (head.Length == 0)
                    {
                        if (x == 0)
                            break; // not even one letter and a hyphen fit: set the word as it is
                        lines.Add(new Line([.. segments], x));
                        segments.Clear();
                        x = 0;
                        space = 0;
                        continue;
                    }
                    Append(segments, x, head, piece.Font, space > 0);
                    lines.Add(new Line([.. segments], x + Width(head, piece.Font, size)));
                    segments.Clear();
                    x = 0;
                    space = 0;
                    text = rest;
                    pieceWidth = Width(text, piece.Font, size);
                }
                Append(segments, x, text, piece.Font, space > 0);
                x += pieceWidth;
                space = 0;
            }
        }
        if (segments.Count > 0 || lines.Count == 0)
            lines.Add(new Line([.. segments], x));
        return lines;
    }

    /// <summary>
    /// The longest head of a word that fits <paramref name="room"/>: up to a hyphen or slash in it where there is
    /// one, else two or more letters followed by an added hyphen. Empty when nothing fits.
    /// </summary>
    private (string Head, string Remainder) Split(string word, float room, FontKind font, float size)
    {
        var fit = 0;
        while (fit < word.Length && Width(word[..(fit + 1)], font, size) <= room)
            fit++;
        for (var i = Math.Min(fit, word.Length - 1) - 1; i >= 1; i--)
        {
            if (word[i] is '-' or '/' or '\u2013')
                return (word[..(i + 1)], word[(i + 1)..]);
        }
        var letters = fit;
        while (letters > 0 && Width(word[..letters] + "-", font, size) > room)
            letters--;
        // Never a single letter either side of the hyphen.
        if (word.Length - letters < 2)
            letters = word.Length - 2;
        return letters < 2 ? ("", word) : (word[..letters] + "-", word[letters..]);
    }

    /// <summary>Adds text at x, joining it to the previous segment when the style is the same.</summary>
    private static void Append(List<Segment> segments, float x, string text, FontKind font, bool spaced)
    {
        if (segments.Count > 0 && segments[^1].Font == font)
            segments[^1] = segments[^1] with { Text = segments[^1].Text + (spaced ? " " : "") + text };
        else
            segments.Add(new Segment(x, text, font));
    }

    private sealed record Word(bool SpaceBefore, List<Run> Pieces);

    private static IEnumerable<Word> Words(IEnumerable<Run> runs)
    {
        Word? current = null;
        var spaceBefore = false;
        foreach (var run in runs)
        {
            var parts = run.Text.Split(' ');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    if (current is not null)
                        yield return current;
                    current = null;
                    spaceBefore = true;
                }
                if (parts[i].Length == 0)
                    continue;
                current ??= new Word(spaceBefore, []);
                current.Pieces.Add(new Run(parts[i], run.Font));
                spaceBefore = false;
            }
        }
        if (current is not null)
            yield return current;
    }

    public void Dispose() => measure.Dispose();
}

/// <summary>Light markup for officers' narrative: **bold** and *italic* spans; everything else is literal text.</summary>
internal static class Markup
{
    public static IEnumerable<Run> Parse(string text, FontKind baseFont = FontKind.Regular)
    {
        var bold = false;
        var italic = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '*')
                continue;
            var isBold = i + 1 < text.Length && text[i + 1] == '*';
            if (i > start)
                yield return new Run(text[start..i], Current());
            if (isBold)
            {
                bold = !bold;
                i++;
            }
            else
            {
                italic = !italic;
            }
            start = i + 1;
        }
        if (start < text.Length)
            yield return new Run(text[start..], Current());

        FontKind Current() => bold ? FontKind.Bold : italic ? FontKind.Italic : baseFont;
    }
}
