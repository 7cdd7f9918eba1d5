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

    /// <summary>Greedy line breaking at spaces; a word wider than the line is broken between characters.</summary>
    public List<Line> Wrap(IEnumerable<Run> runs, float width, float size)
    {
        var lines = new List<Line>();
        var segments = new List<Segment>();
        var x = 0f;
        var pendingSpace = false;
        var text = new System.Text.StringBuilder();
        var segmentStart = 0f;
        var segmentFont = FontKind.Regular;

        void CloseSegment()
        {
            if (text.Length > 0)
                segments.Add(new Segment(segmentStart, text.ToString(), segmentFont));
            text.Clear();
        }

        void CloseLine()
        {
            CloseSegment();
            lines.Add(new Line([.. segments], x));
            segments.Clear();
            x = 0;
            pendingSpace = false;
        }

        void Place(string word, FontKind font, bool spaceBefore)
        {
            var space = spaceBefore && (x > 0 || text.Length > 0) ? Width(" ", font, size) : 0;
            var wordWidth = Width(word, font, size);
            if (x > 0 && x + space + wordWidth > width)
            {
                CloseLine();
                space = 0;
            }
            while (wordWidth > width)
            {
                // A token longer than the line (a URL, a reference): break it where it fills the line.
                var fit = Math.Max(1, (int)Font(font, size).BreakText(word, width - x));
                Place(word[..fit], font, false);
                CloseLine();
                word = word[fit..];
                wordWidth = Width(word, font, size);
            }
            if (font != segmentFont || text.Length == 0)
            {
                CloseSegment();
                segmentFont = font;
                segmentStart = x + space;
                x += space;
                space = 0;
            }
            if (space > 0)
                text.Append(' ');
            text.Append(word);
            x += space + wordWidth;
        }

        foreach (var run in runs)
        {
            var words = run.Text.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                if (words[i].Length == 0)
                {
                    pendingSpace = true;
                    continue;
                }
                Place(words[i], run.Font, pendingSpace || i > 0);
                pendingSpace = false;
            }
            if (run.Text.EndsWith(' '))
                pendingSpace = true;
        }
        if (segments.Count > 0 || text.Length > 0 || lines.Count == 0)
            CloseLine();
        return lines;
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
