using SkiaSharp;

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

/// <summary>Measures and wraps text in the report fonts. Fonts are cached per kind and size.</summary>
internal sealed class Typesetter(ReportFonts fonts) : IDisposable
{
    private readonly Dictionary<(FontKind, float), SKFont> cache = [];

    public SKFont Font(FontKind kind, float size)
    {
        if (!cache.TryGetValue((kind, size), out var font))
        {
            var face = kind switch { FontKind.Bold => fonts.Bold, FontKind.Italic => fonts.Italic, _ => fonts.Regular };
            font = new SKFont(face, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
            cache[(kind, size)] = font;
        }
        return font;
    }

    public float Width(string text, FontKind kind, float size) => Font(kind, size).MeasureText(text);

    /// <summary>
    /// Greedy line breaking at spaces. A word may change style part-way ("(*Develop*" is one word), so words are
    /// built from runs first and only ever broken at spaces; a word wider than the line is broken between characters.
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
                    // A token longer than the line (a URL, a reference): break it where it fills the line.
                    var fit = Math.Max(1, (int)Font(piece.Font, size).BreakText(text, width - x));
                    if (x > 0 && fit == text.Length)
                        break;
                    Append(segments, x, text[..fit], piece.Font, space > 0);
                    lines.Add(new Line([.. segments], x + Width(text[..fit], piece.Font, size)));
                    segments.Clear();
                    x = 0;
                    space = 0;
                    text = text[fit..];
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

    public void Dispose()
    {
        foreach (var font in cache.Values)
            font.Dispose();
    }
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
