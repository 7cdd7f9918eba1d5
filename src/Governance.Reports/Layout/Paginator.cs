namespace Governance.Reports.Layout;

/// <summary>
/// Flows blocks down pages and hands each finished page to a callback, so that only one page's drawing is held
/// at a time: memory grows with the page, not the document. Deterministic, so it can run once to count pages
/// (for "page X of Y") and again to draw them.
/// </summary>
internal sealed class Paginator(Typesetter type)
{
    private const float CellPadding = 4f;
    private const float TableSize = 8.8f;
    private const float TableLeading = 11.2f;

    private Action<PagePlan> emit = _ => { };
    private PagePlan page = new(0);
    private float y;

    public int Run(IEnumerable<Block> blocks, Action<PagePlan> onPage)
    {
        emit = onPage;
        page = new PagePlan(0);
        y = Theme.Top;
        Block? pending = null;
        foreach (var next in blocks.Append(null))
        {
            // One block of look-ahead: a heading is kept with the start of whatever follows it.
            var block = pending;
            pending = next;
            switch (block)
            {
                case null: break;
                case Heading h: Place(h, next); break;
                case Paragraph p: Place(p); break;
                case BulletList l: Place(l); break;
                case FieldList f: Place(f); break;
                case Table t: Place(t); break;
                case Chart c: Place(c); break;
                case PageBreak: if (page.Ops.Count > 0) NewPage(); break;
                default: throw new NotSupportedException($"The layout layer cannot place a {block.GetType().Name}.");
            }
        }
        emit(page);
        return page.Index + 1;
    }

    private float Remaining => Theme.Bottom - y;

    private void NewPage()
    {
        emit(page);
        page = new PagePlan(page.Index + 1);
        y = Theme.Top;
    }

    private void EnsureSpace(float height)
    {
        if (height > Remaining && y > Theme.Top)
            NewPage();
    }

    /// <summary>The least of a block that must follow its heading on the same page.</summary>
    private static float StartHeight(Block? next) => next switch
    {
        Chart c => c.Height + 8,
        Table => 60,
        _ => 3 * Theme.BodyLeading,
    };

    private void Place(Heading heading, Block? next)
    {
        var (size, before, font) = heading.Level switch
        {
            1 => (12.5f, 16f, FontKind.Bold),
            2 => (11f, 10f, FontKind.Bold),
            _ => (10.5f, 8f, FontKind.Bold),
        };
        var lines = type.Wrap([new Run(heading.Text, font)], Theme.TextWidth, size);
        var height = lines.Count * size * 1.3f;
        if (y > Theme.Top)
            y += before;
        // Keep a heading with the first lines of what follows it.
        EnsureSpace(height + StartHeight(next));
        if (heading.Level <= 2)
            page.Bookmarks.Add(new Bookmark(heading.Text, heading.Level, page.Index, y));
        foreach (var line in lines)
        {
            y += size * 1.3f;
            DrawLine(line, Theme.Left, y - size * 0.3f, size, Theme.Accent);
        }
        if (heading.Level == 1)
        {
            page.Ops.Add(new LineOp(Theme.Left, y + 3, Theme.Right, y + 3, Theme.Rule, 0.6f));
            y += 4;
        }
        y += 4;
    }

    private void Place(Paragraph paragraph)
    {
        var (size, leading, baseFont, color) = paragraph.Style switch
        {
            TextStyle.Small => (Theme.SmallSize, Theme.SmallLeading, FontKind.Regular, Theme.Ink),
            TextStyle.Caption => (Theme.SmallSize, Theme.SmallLeading, FontKind.Italic, Theme.Muted),
            _ => (Theme.BodySize, Theme.BodyLeading, FontKind.Regular, Theme.Ink),
        };
        var indent = paragraph.Number is null ? 0 : Theme.NumberIndent;
        var lines = type.Wrap(Markup.Parse(paragraph.Text, baseFont), Theme.TextWidth - indent, size);
        Flow(lines, Theme.Left + indent, leading, size, color, paragraph.Number is null ? null : (Theme.Left, paragraph.Number));
        y += Theme.ParagraphGap;
    }

    /// <summary>Lines down the page, breaking between them but never after a first line alone; a marker hangs before the first.</summary>
    private void Flow(List<Line> lines, float x, float leading, float size, SkiaSharp.SKColor color, (float X, string Text)? marker)
    {
        EnsureSpace(Math.Min(lines.Count, 2) * leading);
        for (var i = 0; i < lines.Count; i++)
        {
            if (leading > Remaining)
                NewPage();
            y += leading;
            var baseline = y - leading * 0.28f;
            if (i == 0 && marker is { } m)
                page.Ops.Add(new TextOp(m.X, baseline, m.Text, FontKind.Regular, size, color));
            DrawLine(lines[i], x, baseline, size, color);
        }
    }

    private void Place(BulletList list)
    {
        var indent = list.Indented ? Theme.NumberIndent : 0;
        foreach (var item in list.Items)
        {
            var lines = type.Wrap(Markup.Parse(item), Theme.TextWidth - indent - 14, Theme.BodySize);
            Flow(lines, Theme.Left + indent + 14, Theme.BodyLeading, Theme.BodySize, Theme.Ink, (Theme.Left + indent + 2, "\u2022"));
            y += 2;
        }
        y += Theme.ParagraphGap;
    }

    private void Place(FieldList fields)
    {
        const float labelWidth = 132f;
        foreach (var (label, value) in fields.Fields)
        {
            var labelLines = type.Wrap([new Run(label, FontKind.Bold)], labelWidth - 8, Theme.BodySize);
            var valueLines = type.Wrap(Markup.Parse(value), Theme.TextWidth - labelWidth, Theme.BodySize);
            var count = Math.Max(labelLines.Count, valueLines.Count);
            EnsureSpace(count * Theme.BodyLeading);
            for (var i = 0; i < count; i++)
            {
                y += Theme.BodyLeading;
                var baseline = y - Theme.BodyLeading * 0.28f;
                if (i < labelLines.Count)
                    DrawLine(labelLines[i], Theme.Left, baseline, Theme.BodySize, Theme.Accent);
                if (i < valueLines.Count)
                    DrawLine(valueLines[i], Theme.Left + labelWidth, baseline, Theme.BodySize, Theme.Ink);
            }
            y += 3;
        }
        y += Theme.ParagraphGap;
    }

    private void Place(Table table)
    {
        var total = table.Columns.Sum(c => c.Width);
        var widths = table.Columns.Select(c => c.Width / total * Theme.TextWidth).ToArray();
        var header = new List<LaidRow> { LayRow(table.Columns.Select(c => new TableCell(c.Title)).ToList(), widths, FontKind.Bold) };
        header.AddRange(table.Rows.Take(table.HeaderRowCount - 1).Select(r => LayRow(r.Cells, widths, FontKind.Bold)));
        var headerHeight = header.Sum(r => r.Height);
        var maxRow = Theme.Bottom - Theme.Top - headerHeight;

        if (table.Caption is not null)
        {
            var caption = type.Wrap(Markup.Parse(table.Caption, FontKind.Italic), Theme.TextWidth, Theme.SmallSize);
            EnsureSpace(caption.Count * Theme.SmallLeading + headerHeight + 2 * TableLeading + 2 * CellPadding);
            foreach (var line in caption)
            {
                y += Theme.SmallLeading;
                DrawLine(line, Theme.Left, y - 3, Theme.SmallSize, Theme.Muted);
            }
            y += 3;
        }

        var first = true;
        var stripe = false;
        foreach (var row in table.Rows.Skip(table.HeaderRowCount - 1))
        {
            var laid = LayRow(row.Cells, widths, row.Emphasis ? FontKind.Bold : FontKind.Regular, maxRow);
            if (first || laid.Height > Remaining)
            {
                if (first)
                    EnsureSpace(headerHeight + laid.Height);
                else
                    NewPage();
                foreach (var h in header)
                    DrawRow(h, widths, table, isHeader: true, striped: false);
                first = false;
            }
            DrawRow(laid, widths, table, isHeader: false, striped: stripe);
            stripe = !stripe;
        }
        if (first)
        {
            EnsureSpace(headerHeight);
            foreach (var h in header)
                DrawRow(h, widths, table, isHeader: true, striped: false);
        }
        y += Theme.ParagraphGap + 4;
    }

    private sealed record LaidRow(IReadOnlyList<List<Line>> Cells, IReadOnlyList<TableCell> Source, float Height);

    private LaidRow LayRow(IReadOnlyList<TableCell> cells, float[] widths, FontKind font, float maxHeight = float.MaxValue)
    {
        var laid = new List<List<Line>>(widths.Length);
        for (var i = 0; i < widths.Length; i++)
        {
            var text = i < cells.Count ? cells[i].Text : "";
            var lines = type.Wrap(font == FontKind.Bold ? [new Run(text, FontKind.Bold)] : Markup.Parse(text), widths[i] - 2 * CellPadding, TableSize);
            // A row never splits across pages; a cell taller than a page is cut with an ellipsis rather than lost silently.
            var maxLines = (int)((maxHeight - 2 * CellPadding) / TableLeading);
            if (lines.Count > maxLines)
            {
                lines = lines.Take(maxLines).ToList();
                var last = lines[^1];
                lines[^1] = last with { Segments = [.. last.Segments.SkipLast(1), last.Segments[^1] with { Text = last.Segments[^1].Text + " \u2026" }] };
            }
            laid.Add(lines);
        }
        var height = laid.Max(l => l.Count) * TableLeading + 2 * CellPadding;
        return new LaidRow(laid, cells, height);
    }

    private void DrawRow(LaidRow row, float[] widths, Table table, bool isHeader, bool striped)
    {
        var x = Theme.Left;
        var rowRect = new SkiaSharp.SKRect(Theme.Left, y, Theme.Right, y + row.Height);
        if (isHeader)
            page.Ops.Add(new RectOp(rowRect, Theme.Accent, null));
        else if (striped)
            page.Ops.Add(new RectOp(rowRect, Theme.Stripe, null));
        for (var i = 0; i < widths.Length; i++)
        {
            var cellRect = new SkiaSharp.SKRect(x, y, x + widths[i], y + row.Height);
            var status = !isHeader && i < row.Source.Count ? row.Source[i].Status : null;
            if (status is { } rag)
                page.Ops.Add(new RectOp(cellRect, Theme.Fill(rag), null));
            var color = isHeader ? Theme.White : status is { } r ? Theme.TextOn(r) : Theme.Ink;
            var lineY = y + CellPadding;
            foreach (var line in row.Cells[i])
            {
                lineY += TableLeading;
                var inner = widths[i] - 2 * CellPadding;
                var offset = table.Columns[i].Align switch
                {
                    CellAlign.Right => inner - line.Width,
                    CellAlign.Center => (inner - line.Width) / 2,
                    _ => 0,
                };
                DrawLine(line, x + CellPadding + offset, lineY - 2.6f, TableSize, color);
            }
            x += widths[i];
        }
        page.Ops.Add(new LineOp(Theme.Left, y + row.Height, Theme.Right, y + row.Height, Theme.Rule, 0.5f));
        y += row.Height;
    }

    private void Place(Chart chart)
    {
        EnsureSpace(chart.Height + 8);
        y += 4;
        page.Ops.Add(new ChartOp(chart, new SkiaSharp.SKRect(Theme.Left, y, Theme.Right, y + chart.Height)));
        y += chart.Height + 10;
    }

    private void DrawLine(Line line, float x, float baseline, float size, SkiaSharp.SKColor color)
    {
        foreach (var segment in line.Segments)
            page.Ops.Add(new TextOp(x + segment.X, baseline, segment.Text, segment.Font, size, color));
    }
}
