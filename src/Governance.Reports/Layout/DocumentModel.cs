using Governance.Domain.Performance;

namespace Governance.Reports.Layout;

/// <summary>
/// A document as the layout layer reads it: metadata for the PDF and the running header, then blocks in reading
/// order. Document classes fill this model from data; only the layout layer knows about pages.
/// </summary>
public sealed record ReportDocument(DocumentInfo Info, IReadOnlyList<Block> Blocks);

/// <param name="Classification">Printed in every page header, e.g. "Public" or "Not for publication: Schedule 12A paragraph 3".</param>
public sealed record DocumentInfo(string Title, string Author, string Subject, string Classification, DateTimeOffset Created, string? Keywords = null);

public abstract record Block;

/// <summary>A heading; level 1 and 2 headings become bookmarks in the PDF outline.</summary>
public sealed record Heading(int Level, string Text) : Block;

/// <summary>
/// A paragraph of light markup: **bold** and *italic* spans. A number (e.g. "3.2") hangs in the left margin,
/// as council reports number their paragraphs.
/// </summary>
public sealed record Paragraph(string Text, string? Number = null, TextStyle Style = TextStyle.Body) : Block;

public enum TextStyle
{
    Body,
    Small,
    Caption,
}

public sealed record BulletList(IReadOnlyList<string> Items, bool Indented = false) : Block;

/// <summary>Label and value pairs in two columns without rules: the header block of a committee paper.</summary>
public sealed record FieldList(IReadOnlyList<(string Label, string Value)> Fields) : Block;

/// <summary>
/// A table that breaks across pages between rows, repeating its header rows on each page; a row is never split.
/// </summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows, string? Caption = null) : Block
{
    public int HeaderRowCount { get; init; } = 1;
}

/// <param name="Width">Relative width: columns share the text width in proportion.</param>
public sealed record TableColumn(string Title, float Width = 1, CellAlign Align = CellAlign.Left);

public enum CellAlign
{
    Left,
    Right,
    Center,
}

public sealed record TableRow(IReadOnlyList<TableCell> Cells, bool Emphasis = false)
{
    public static TableRow Of(params string[] cells) => new(cells.Select(c => new TableCell(c)).ToList());
}

/// <summary>A cell; a RAG status fills the cell with its colour.</summary>
public sealed record TableCell(string Text, Rag? Status = null)
{
    public static implicit operator TableCell(string text) => new(text);
}

/// <summary>A chart drawn as vectors, <paramref name="Height"/> points tall across the text width.</summary>
public abstract record Chart(string Title, float Height) : Block;

/// <summary>
/// A trend: one or more series over the same categories (e.g. months), with optional horizontal reference lines
/// for the target and the amber and red thresholds.
/// </summary>
public sealed record LineChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ReferenceLine> References, string? Unit = null, float Height = 190)
    : Chart(Title, Height);

public sealed record BarChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string? Unit = null, float Height = 190)
    : Chart(Title, Height);

public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

public sealed record ReferenceLine(string Label, double Value, ReferenceKind Kind);

public enum ReferenceKind
{
    Target,
    Amber,
    Red,
}

public sealed record PageBreak : Block;
