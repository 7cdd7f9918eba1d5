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

    /// <summary>
    /// The least of a block that must follow its heading on the same page, measured as it will be placed: a
    /// table's caption, header and first row; a chart whole; a following heading with the start of its own text.
    /// Estimates here strand headings at page feet, so nothing is guessed.
    /// </summary>
    private float StartHeight(Block? next) => next switch
    {
        Chart c => c.Height + 14,
        Table t => TableStartHeight(t),
        Heading h => HeadingHeight(h) + HeadingSpace(h) + 3 * Theme.BodyLeading,
        Paragraph p => Math.Min(2, WrapParagraph(p).Count) * Theme.BodyLeading,
        FieldList { Fields.Count: > 0 } f => FieldHeight(f.Fields[0]),
        _ => 3 * Theme.BodyLeading,
    };

    private static (float Size, float Before) HeadingMetrics(Heading heading) => heading.Level switch
    {
        1 => (12.5f, 16f),
        2 => (11f, 10f),
        _ => (10.5f, 8f),
    };

    private static float HeadingSpace(Heading heading) => HeadingMetrics(heading).Before + 8;

    private float HeadingHeight(Heading heading)
    {
        var size = HeadingMetrics(heading).Size;
        return type.Wrap([new Run(heading.Text, FontKind.Bold)], Theme.TextWidth, size).Count * size * 1.3f;
    }

    private List<Line> WrapParagraph(Paragraph paragraph)
    {
        var (size, _, baseFont, _) = Style(paragraph.Style);
        var indent = paragraph.Number is null ? 0 : Theme.NumberIndent;
        return type.Wrap(Markup.Parse(paragraph.Text, baseFont), Theme.TextWidth - indent, size);
    }

    private static (float Size, float Leading, FontKind Font, PdfSharp.Drawing.XColor Color) Style(TextStyle style) => style switch
    {
        TextStyle.Small => (Theme.SmallSize, Theme.SmallLeading, FontKind.Regular, Theme.Ink),
        TextStyle.Caption => (Theme.SmallSize, Theme.SmallLeading, FontKind.Italic, Theme.Muted),
        _ => (Theme.BodySize, Theme.BodyLeading, FontKind.Regular, Theme.Ink),
    };

    private void Place(Heading heading, Block? next)
    {
        var (size, before) = HeadingMetrics(heading);
        var lines = type.Wrap([new Run(heading.Text, FontKind.Bold)], Theme.TextWidth, size);
        var height = lines.Count * size * 1.3f;
        if (y > Theme.Top)
            y += before;
        // Keep a heading with the first lines of what follows it.
        EnsureSpace(height + StartHeight(next));
        if (heading.Level <= 2)
            page.Bookmarks.Add(new Bookmark(heading.Text, heading.Level, page.Index, y));
        Open(heading.Level switch { 1 => StructureTag.H1, 2 => StructureTag.H2, _ => StructureTag.H3 });
        foreach (var line in lines)
        {
            y += size * 1.3f;
            DrawLine(line, Theme.Left, y - size * 0.3f, size, Theme.Accent);
        }
        Close();
        if (heading.Level == 1)
        {
            page.Ops.Add(new LineOp(Theme.Left, y + 3, Theme.Right, y + 3, Theme.Rule, 0.6f));
            y += 4;
        }
        y += 4;
    }

    private void Place(Paragraph paragraph)
    {
        var (size, leading, _, color) = Style(paragraph.Style);
        var indent = paragraph.Number is null ? 0 : Theme.NumberIndent;
        var lines = WrapParagraph(paragraph);
        // Keep the paragraph's first two lines together before opening its element, so it starts on the page it is on.
        EnsureSpace(Math.Min(lines.Count, 2) * leading);
        Open(StructureTag.P);
        Flow(lines, Theme.Left + indent, leading, size, color, paragraph.Number is null ? null : (Theme.Left, paragraph.Number));
        Close();
        y += Theme.ParagraphGap;
    }

    /// <summary>Lines down the page, breaking between them but never after a first line alone; a marker hangs before the first.</summary>
    private void Flow(List<Line> lines, float x, float leading, float size, PdfSharp.Drawing.XColor color, (float X, string Text)? marker)
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
        var first = true;
        foreach (var item in list.Items)
        {
            var lines = type.Wrap(Markup.Parse(item), Theme.TextWidth - indent - 14, Theme.BodySize);
            EnsureSpace(Math.Min(lines.Count, 2) * Theme.BodyLeading);
            if (first)
                Open(StructureTag.L);
            first = false;
            Open(StructureTag.LI);
            Open(StructureTag.Lbl);
            page.Ops.Add(new TextOp(Theme.Left + indent + 2, y + Theme.BodyLeading * 0.72f, "\u2022", FontKind.Regular, Theme.BodySize, Theme.Ink));
            Close();
            Open(StructureTag.LBody);
            Flow(lines, Theme.Left + indent + 14, Theme.BodyLeading, Theme.BodySize, Theme.Ink, null);
            Close();
            Close();
            y += 2;
        }
        if (!first)
            Close();
        y += Theme.ParagraphGap;
    }

    private const float LabelWidth = 132f;

    private float FieldHeight((string Label, string Value) field) =>
        Math.Max(type.Wrap([new Run(field.Label, FontKind.Bold)], LabelWidth - 8, Theme.BodySize).Count,
            type.Wrap(Markup.Parse(field.Value), Theme.TextWidth - LabelWidth, Theme.BodySize).Count) * Theme.BodyLeading;

    /// <summary>Label and value pairs: tagged as a table whose rows start with a header cell, as a reader announces them.</summary>
    private void Place(FieldList fields)
    {
        var opened = false;
        foreach (var (label, value) in fields.Fields)
        {
            var labelLines = type.Wrap([new Run(label, FontKind.Bold)], LabelWidth - 8, Theme.BodySize);
            var valueLines = type.Wrap(Markup.Parse(value), Theme.TextWidth - LabelWidth, Theme.BodySize);
            var count = Math.Max(labelLines.Count, valueLines.Count);
            EnsureSpace(count * Theme.BodyLeading);
            if (!opened)
                Open(StructureTag.Table);
            opened = true;
            Open(StructureTag.TR);
            var top = y;
            Cell(StructureTag.TH, labelLines, Theme.Left, Theme.Accent);
            Cell(StructureTag.TD, valueLines, Theme.Left + LabelWidth, Theme.Ink);
            Close();
            y = top + count * Theme.BodyLeading + 3;
        }
        if (opened)
            Close();
        y += Theme.ParagraphGap;

        void Cell(StructureTag tag, List<Line> lines, float x, PdfSharp.Drawing.XColor color)
        {
            Open(tag);
            var line = y;
            foreach (var text in lines)
            {
                line += Theme.BodyLeading;
                DrawLine(text, x, line - Theme.BodyLeading * 0.28f, Theme.BodySize, color);
            }
            Close();
        }
    }

    private float TableStartHeight(Table table)
    {
        var widths = ColumnWidths(table);
        var caption = table.Caption is null ? 0 : type.Wrap(Markup.Parse(table.Caption, FontKind.Italic), Theme.TextWidth, Theme.SmallSize).Count * Theme.SmallLeading + 3;
        var header = Header(table, widths).Sum(r => r.Height);
        var first = table.Rows.Skip(table.HeaderRowCount - 1).FirstOrDefault() is { } row ? LayRow(row.Cells, widths, FontKind.Regular).Height : 0;
        return caption + header + first;
    }

    private List<LaidRow> Header(Table table, float[] widths)
    {
        var header = new List<LaidRow> { LayRow(table.Columns.Select(c => new TableCell(c.Title)).ToList(), widths, FontKind.Bold) };
        header.AddRange(table.Rows.Take(table.HeaderRowCount - 1).Select(r => LayRow(r.Cells, widths, FontKind.Bold)));
        return header;
    }

    /// <summary>
    /// Column widths in proportion to the table's relative widths, then widened where a column's longest word would
    /// not fit (as a browser's min-content width), taking the room from columns that can spare it. Only a word wider
    /// than any share the page allows is still broken, with a hyphen.
    /// </summary>
    private float[] ColumnWidths(Table table)
    {
        var total = table.Columns.Sum(c => c.Width);
        var widths = table.Columns.Select(c => c.Width / total * Theme.TextWidth).ToArray();
        var minimum = new float[widths.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            var longest = LongestWord(table.Columns[i].Title, FontKind.Bold);
            foreach (var row in table.Rows)
            {
                if (i < row.Cells.Count)
                    longest = Math.Max(longest, LongestWord(row.Cells[i].Text, row.Emphasis ? FontKind.Bold : FontKind.Regular));
            }
            minimum[i] = longest + 2 * CellPadding + 0.5f;
        }
        if (minimum.Sum() > Theme.TextWidth)
        {
            // Not every column's longest word fits: share the page in proportion to what each would need.
            var scale = Theme.TextWidth / minimum.Sum();
            return minimum.Select(m => m * scale).ToArray();
        }
        for (var pass = 0; pass < widths.Length; pass++)
        {
            var short_ = Enumerable.Range(0, widths.Length).Where(i => widths[i] < minimum[i]).ToList();
            if (short_.Count == 0)
                break;
            var need = short_.Sum(i => minimum[i] - widths[i]);
            foreach (var i in short_)
                widths[i] = minimum[i];
            var donors = Enumerable.Range(0, widths.Length).Where(i => widths[i] > minimum[i]).ToList();
            var spare = donors.Sum(i => widths[i] - minimum[i]);
            foreach (var i in donors)
                widths[i] -= need * (widths[i] - minimum[i]) / spare;
        }
        return widths;
    }

    private float LongestWord(string text, FontKind font) =>
        text.Replace("*", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => type.Width(w, font, TableSize)).DefaultIfEmpty(0).Max();

    private void Place(Table table)
    {
        var widths = ColumnWidths(table);
        var header = Header(table, widths);
        var headerHeight = header.Sum(r => r.Height);
        var maxRow = Theme.Bottom - Theme.Top - headerHeight;
        EnsureSpace(TableStartHeight(table));
        Open(StructureTag.Table);

        if (table.Caption is not null)
        {
            var caption = type.Wrap(Markup.Parse(table.Caption, FontKind.Italic), Theme.TextWidth, Theme.SmallSize);
            Open(StructureTag.Caption);
            foreach (var line in caption)
            {
                y += Theme.SmallLeading;
                DrawLine(line, Theme.Left, y - 3, Theme.SmallSize, Theme.Muted);
            }
            Close();
            y += 3;
        }

        var first = true;
        var stripe = false;
        foreach (var row in table.Rows.Skip(table.HeaderRowCount - 1))
        {
            var laid = LayRow(row.Cells, widths, row.Emphasis ? FontKind.Bold : FontKind.Regular, maxRow);
            if (first || laid.Height > Remaining)
            {
                if (!first)
                    NewPage();
                // The header is tagged once; its repetitions on later pages are decoration.
                DrawHeader(header, widths, table, tagged: first);
                first = false;
            }
            DrawRow(laid, widths, table, isHeader: false, striped: stripe, tagged: true);
            stripe = !stripe;
        }
        if (first)
            DrawHeader(header, widths, table, tagged: true);
        Close();
        y += Theme.ParagraphGap + 4;
    }

    private void DrawHeader(List<LaidRow> header, float[] widths, Table table, bool tagged)
    {
        foreach (var h in header)
            DrawRow(h, widths, table, isHeader: true, striped: false, tagged);
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

    private void DrawRow(LaidRow row, float[] widths, Table table, bool isHeader, bool striped, bool tagged)
    {
        var x = Theme.Left;
        var rowRect = new PdfSharp.Drawing.XRect(Theme.Left, y, Theme.TextWidth, row.Height);
        if (isHeader)
            page.Ops.Add(new RectOp(rowRect, Theme.Accent, null));
        else if (striped)
            page.Ops.Add(new RectOp(rowRect, Theme.Stripe, null));
        if (tagged)
            Open(StructureTag.TR);
        for (var i = 0; i < widths.Length; i++)
        {
            var cellRect = new PdfSharp.Drawing.XRect(x, y, widths[i], row.Height);
            var status = !isHeader && i < row.Source.Count ? row.Source[i].Status : null;
            if (status is { } rag)
                page.Ops.Add(new RectOp(cellRect, Theme.Fill(rag), null));
            var color = isHeader ? Theme.White : status is { } r ? Theme.TextOn(r) : Theme.Ink;
            if (tagged)
                Open(isHeader ? StructureTag.TH : StructureTag.TD);
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
                DrawLine(line, x + CellPadding + offset, lineY - 2.6f, TableSize, color, artifact: !tagged);
            }
            if (tagged)
                Close();
            x += widths[i];
        }
        if (tagged)
            Close();
        page.Ops.Add(new LineOp(Theme.Left, y + row.Height, Theme.Right, y + row.Height, Theme.Rule, 0.5f));
        y += row.Height;
    }

    private void Place(Chart chart)
    {
        EnsureSpace(chart.Height + 14);
        y += 4;
        page.Ops.Add(new ChartOp(chart, new PdfSharp.Drawing.XRect(Theme.Left, y, Theme.TextWidth, chart.Height)));
        y += chart.Height + 10;
    }

    private void DrawLine(Line line, float x, float baseline, float size, PdfSharp.Drawing.XColor color, bool artifact = false)
    {
        foreach (var segment in line.Segments)
            page.Ops.Add(new TextOp(x + segment.X, baseline, segment.Text, segment.Font, size, color) { Artifact = artifact });
    }

    private void Open(StructureTag tag) => page.Ops.Add(new BeginTag(tag));

    private void Close() => page.Ops.Add(EndTag.Instance);
}
