using SkiaSharp;

namespace Governance.Reports.Layout;

/// <summary>What to draw on one page, in page coordinates (points, y down). Built for one page at a time.</summary>
internal sealed class PagePlan(int index)
{
    public int Index { get; } = index;

    public List<DrawOp> Ops { get; } = [];

    public List<Bookmark> Bookmarks { get; } = [];
}

internal abstract record DrawOp;

internal sealed record TextOp(float X, float Y, string Text, FontKind Font, float Size, SKColor Color) : DrawOp;

internal sealed record RectOp(SKRect Rect, SKColor? Fill, SKColor? Stroke, float StrokeWidth = 0.5f) : DrawOp;

internal sealed record LineOp(float X1, float Y1, float X2, float Y2, SKColor Color, float Width) : DrawOp;

internal sealed record ChartOp(Chart Chart, SKRect Rect) : DrawOp;

/// <summary>An outline entry: the heading, its level and where on its page it starts.</summary>
internal sealed record Bookmark(string Title, int Level, int PageIndex, float Y)
{
    public string Destination => $"b{PageIndex}-{(int)Y}";
}
