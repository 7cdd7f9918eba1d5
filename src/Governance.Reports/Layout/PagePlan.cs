using PdfSharp.Drawing;

namespace Governance.Reports.Layout;

/// <summary>What to draw on one page, in page coordinates (points, y down). Built for one page at a time.</summary>
internal sealed class PagePlan(int index)
{
    public int Index { get; } = index;

    public List<DrawOp> Ops { get; } = [];

    public List<Bookmark> Bookmarks { get; } = [];
}

internal abstract record DrawOp;

internal sealed record TextOp(float X, float Y, string Text, FontKind Font, float Size, XColor Color) : DrawOp
{
    /// <summary>Repeated text (a table header on a later page) that a reader should not read twice.</summary>
    public bool Artifact { get; init; }
}

/// <summary>Decoration (fills, rules): drawn as an artifact, outside the structure a screen reader reads.</summary>
internal sealed record RectOp(XRect Rect, XColor? Fill, XColor? Stroke, float StrokeWidth = 0.5f) : DrawOp;

internal sealed record LineOp(float X1, float Y1, float X2, float Y2, XColor Color, float Width) : DrawOp;

internal sealed record ChartOp(Chart Chart, XRect Rect) : DrawOp;

/// <summary>
/// Opens an element of the PDF's structure tree; what is drawn until the matching <see cref="EndTag"/> is its
/// content. Elements nest and may run across pages (a long table, a paragraph split at a page foot).
/// </summary>
internal sealed record BeginTag(StructureTag Tag) : DrawOp;

internal sealed record EndTag : DrawOp
{
    public static readonly EndTag Instance = new();
}

/// <summary>The structure elements papers use (ISO 32000-1, 14.8.4).</summary>
internal enum StructureTag
{
    H1,
    H2,
    H3,
    P,
    Caption,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
}

/// <summary>An outline entry: the heading, its level and where on its page it starts.</summary>
internal sealed record Bookmark(string Title, int Level, int PageIndex, float Y);
