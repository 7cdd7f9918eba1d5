using Governance.Reports.Layout;

namespace Governance.Reports.Tests.Layout;

/// <summary>The PDF is tagged: a screen reader finds headings, paragraphs, lists, tables and figures, in reading order.</summary>
public abstract class PdfTaggingTests(RendererFixture fixture, string family) : InEachFont(fixture, family)
{
    [Fact]
    public void The_structure_tree_tags_headings_paragraphs_lists_tables_and_figures_in_reading_order()
    {
        var pdf = Render(
            new Heading(1, "1 Purpose of report"), new Paragraph("The purpose of this report.", "1.1"),
            new Heading(2, "Pathfinder areas"), new BulletList(["North", "South"]),
            new Table([new TableColumn("KPI"), new TableColumn("Target")], [TableRow.Of("Calls answered", "90%")], "Table 1: targets"),
            SampleDocuments.Trend("KPI 1: calls answered"));

        var tree = PdfStructureTree.Read(pdf, out var language, out var marked);
        var types = tree.Select(e => e.Type).ToList();

        Assert.Equal("en-GB", language);
        Assert.True(marked, "The catalogue does not declare the PDF as tagged (/MarkInfo /Marked true).");
        Assert.Equal("Document", types[0]);
        Assert.Equal(["H1", "P", "H2", "L", "Table", "Figure"], tree.Where(e => e.Depth == 2).Select(e => e.Type));
        Assert.Equal(["LI", "Lbl", "LBody", "LI", "Lbl", "LBody"], types.SkipWhile(t => t != "L").Skip(1).TakeWhile(t => t != "Table"));
        Assert.Equal(["Caption", "TR", "TH", "TH", "TR", "TD", "TD"], types.SkipWhile(t => t != "Table").Skip(1).TakeWhile(t => t != "Figure"));
        var figure = tree.Single(e => e.Type == "Figure");
        Assert.StartsWith("KPI 1: calls answered: line chart of 1 series over 12 periods", figure.Alt);
        Assert.Contains("Target 90", figure.Alt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_across_pages_is_one_table_whose_repeated_header_is_not_read_twice()
    {
        var pdf = Render(SampleDocuments.NumberedTable(150));
        var tree = PdfStructureTree.Read(pdf, out _, out _);

        Assert.True(PdfText.Pages(pdf).Count > 2);
        Assert.Single(tree, e => e.Type == "Table");
        Assert.Equal(151, tree.Count(e => e.Type == "TR"));
        Assert.Equal(SampleDocuments.NumberedTable(1).Columns.Count, tree.Count(e => e.Type == "TH"));
    }

    [Fact]
    public void A_paragraph_running_on_to_the_next_page_is_one_paragraph()
    {
        var long_ = string.Join(' ', Enumerable.Range(1, 900).Select(i => $"word{i}"));
        var pdf = Render(new Paragraph(long_, "2.1"), new Paragraph("After."));
        var tree = PdfStructureTree.Read(pdf, out _, out _);

        Assert.True(PdfText.Pages(pdf).Count > 1);
        Assert.Equal(["P", "P"], tree.Where(e => e.Depth == 2).Select(e => e.Type));
    }

    [Fact]
    public void The_same_document_renders_to_the_same_bytes()
    {
        Block[] blocks = [new Heading(1, "1 Purpose"), new Paragraph("Text."), SampleDocuments.Trend("KPI 1")];

        Assert.Equal(Render(blocks), Render(blocks));
        Assert.NotEqual(Render(blocks), Render([.. blocks, new Paragraph("More.")]));
    }

    [Fact]
    public void Every_text_colour_reaches_4_5_to_1_against_what_it_is_drawn_on()
    {
        var pairs = new (string Name, PdfSharp.Drawing.XColor Text, PdfSharp.Drawing.XColor Ground)[]
        {
            ("body", Theme.Ink, Theme.White), ("striped row", Theme.Ink, Theme.Stripe), ("running head", Theme.Muted, Theme.White),
            ("heading", Theme.Accent, Theme.White), ("table header", Theme.White, Theme.Accent),
            ("green cell", Theme.TextOn(Domain.Performance.Rag.Green), Theme.Green), ("amber cell", Theme.TextOn(Domain.Performance.Rag.Amber), Theme.Amber),
            ("red cell", Theme.TextOn(Domain.Performance.Rag.Red), Theme.Red),
            ("target label", Theme.Reference(ReferenceKind.Target), Theme.White), ("amber label", Theme.Reference(ReferenceKind.Amber), Theme.White),
            ("red label", Theme.Reference(ReferenceKind.Red), Theme.White),
        };

        Assert.All(pairs, p => Assert.True(Contrast(p.Text, p.Ground) >= 4.5, $"{p.Name}: {Contrast(p.Text, p.Ground):F2}:1"));
    }

    // WCAG 2.2's relative luminance and contrast ratio.
    private static double Contrast(PdfSharp.Drawing.XColor a, PdfSharp.Drawing.XColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(PdfSharp.Drawing.XColor c)
    {
        static double Channel(byte v) => v / 255.0 <= 0.04045 ? v / 255.0 / 12.92 : Math.Pow((v / 255.0 + 0.055) / 1.055, 2.4);
        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }
}
public sealed class PdfTaggingTestsInLiberationSans(RendererFixture fixture) : PdfTaggingTests(fixture, Liberation);

public sealed class PdfTaggingTestsInDejaVuSans(RendererFixture fixture) : PdfTaggingTests(fixture, DejaVu);
