using System.Text.RegularExpressions;
using Governance.Reports.Layout;

namespace Governance.Reports.Tests.Layout;

public abstract partial class PaginationTests(RendererFixture fixture, string family) : InEachFont(fixture, family)
{
    [Fact]
    public void A_long_table_breaks_between_rows_and_repeats_its_header_on_every_page()
    {
        var pdf = Render(new Heading(1, "1 Contracts"), SampleDocuments.NumberedTable(400));
        var pages = PdfText.Pages(pdf);

        Assert.True(pages.Count > 5, $"400 wrapped rows should take several pages, got {pages.Count}.");
        Assert.All(pages, page => Assert.Contains("Row Description Value Status", page));
        // Never split: each row's number, its description's first and last words, and its value are on one page.
        for (var i = 1; i <= 400; i++)
        {
            var id = $"Line item {i:D4}";
            var page = Assert.Single(pages, p => p.Contains(id, StringComparison.Ordinal));
            Assert.Contains($"{i * 1250m:N0}", page);
            var start = page.IndexOf(id, StringComparison.Ordinal);
            Assert.Contains("then", page[start..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_says_page_x_of_y_and_carries_the_title_and_classification()
    {
        var pdf = Render(SampleDocuments.NumberedTable(120));
        var pages = PdfText.Pages(pdf);

        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
            Assert.Contains("Customer contact programme update", pages[i]);
            Assert.Contains("PUBLIC", pages[i]);
        }
    }

    [Fact]
    public void A_heading_at_the_foot_of_a_page_moves_to_the_next_with_its_text()
    {
        // Fill a page to a few lines from the bottom, then a heading: it must not be stranded there.
        var filler = Enumerable.Range(1, 44).Select(i => (Block)new Paragraph($"Filler line {i}.")).ToList();
        var pdf = Render([.. filler, new Heading(1, "7 Timetable"), new Paragraph("The timetable follows.", "7.1")]);
        var pages = PdfText.Pages(pdf);

        var headingPage = Assert.Single(pages, p => p.Contains("7 Timetable", StringComparison.Ordinal));
        Assert.Contains("The timetable follows.", headingPage);
        Assert.DoesNotContain("Filler line 1.", headingPage);
    }

    [Theory]
    [InlineData(36)]
    [InlineData(38)]
    [InlineData(40)]
    [InlineData(42)]
    public void A_heading_before_a_captioned_table_or_another_heading_is_never_left_at_a_page_foot(int fillerLines)
    {
        // At several fill levels: a heading, a subheading, then a captioned table whose first row wraps to three lines.
        var filler = Enumerable.Range(1, fillerLines).Select(i => (Block)new Paragraph($"Filler line {i}.")).ToList();
        var table = new Table([new TableColumn("Risk", 1), new TableColumn("Mitigation", 1)],
            [TableRow.Of("Supplier failure", "Step-in rights, a parent company guarantee and a tested exit plan held by the contract manager")],
            "Table 4: the RAID log");
        var pages = PdfText.Pages(Render([.. filler, new Heading(1, "12 Risk management"), new Heading(2, "Open risks"), table]));

        var headingPage = Assert.Single(pages, p => p.Contains("12 Risk management", StringComparison.Ordinal));
        Assert.Contains("Open risks", headingPage);
        Assert.Contains("Table 4: the RAID log", headingPage);
        Assert.Contains("Supplier failure", headingPage);
    }

    [Fact]
    public void A_heading_before_a_chart_goes_with_the_chart()
    {
        // Room for the heading and a few lines, not for the chart: both move on together.
        var filler = Enumerable.Range(1, 26).Select(i => (Block)new Paragraph($"Filler line {i}.")).ToList();
        var pages = PdfText.Pages(Render([.. filler, new Heading(1, "2 KPI history"), SampleDocuments.Trend("KPI 1: calls answered")]));

        Assert.Equal(2, pages.Count);
        Assert.Contains("Filler line 26.", pages[0]);
        Assert.Contains("2 KPI history", pages[1]);
        Assert.Contains("KPI 1: calls answered", pages[1]);
    }

    [Fact]
    public void A_page_break_starts_a_new_page()
    {
        var pages = PdfText.Pages(Render(new Paragraph("Before."), new PageBreak(), new Paragraph("After.")));

        Assert.Equal(2, pages.Count);
        Assert.Contains("Before.", pages[0]);
        Assert.Contains("After.", pages[1]);
    }

    [Fact]
    public void A_cell_taller_than_a_page_is_cut_with_an_ellipsis_and_the_row_kept_whole()
    {
        var huge = string.Join(' ', Enumerable.Repeat("word", 6000));
        var table = new Table([new("Name"), new("Text", 4)], [TableRow.Of("Tall", huge), TableRow.Of("Next", "short")]);
        var pages = PdfText.Pages(Render(table));

        Assert.Contains("\u2026", string.Concat(pages));
        Assert.Contains("Next short", pages[^1]);
    }

    [Fact]
    public void Numbered_paragraphs_hang_their_number_and_bullets_are_drawn()
    {
        var pdf = Render(
            new Paragraph("The purpose of this report is to update the Commission.", "1.1"),
            new Paragraph("Dialogue is well advanced with **three** bidders.", "1.2"),
            new BulletList(["Pathfinder areas", "Pathfinder plus areas"]));
        var text = PdfText.Pages(pdf)[0];

        Assert.Matches(NumberedLine(), text);
        Assert.Contains("1.2 Dialogue is well advanced with three bidders.", text);
        Assert.Contains("\u2022 Pathfinder areas", text);
        Assert.Contains("\u2022 Pathfinder plus areas", text);
    }

    [Fact]
    public void Wrapped_text_stays_inside_the_margins()
    {
        var long_ = string.Join(' ', Enumerable.Range(1, 400).Select(i => $"word{i}"));
        using var document = UglyToad.PdfPig.PdfDocument.Open(Render(new Paragraph(long_, "2.1"), new Paragraph("Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongtokenwithoutanyspaceatallthatmustbreak")));
        var words = document.GetPage(1).GetWords().Where(w => w.Text.StartsWith("word", StringComparison.Ordinal) || w.Text.StartsWith("Avery", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(words);
        Assert.All(words, w => Assert.InRange(w.BoundingBox.Right, 56, 595.28 - 56.7 + 0.5));
        Assert.Equal(400, words.Count(w => w.Text.StartsWith("word", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_word_too_long_for_its_line_breaks_with_a_hyphen_and_a_narrow_column_widens_for_its_longest_word()
    {
        const string token = "Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongtokenwithoutanyspaceatallthatmustbreak";
        var table = new Table([new TableColumn("Description", 8), new TableColumn("Stage", 0.4f)], [TableRow.Of("Interfaces to be agreed", "Verification"), TableRow.Of("Second line", "Dependency")]);
        var pdf = Render(new Paragraph(token), table);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var words = document.GetPage(1).GetWords().Select(w => w.Text).ToList();

        var pieces = words.Where(w => w.StartsWith("Avery", StringComparison.Ordinal) || w.StartsWith("very", StringComparison.Ordinal) || w.Contains("token", StringComparison.Ordinal) || w.Contains("break", StringComparison.Ordinal)).ToList();
        Assert.True(pieces.Count >= 2, $"The token was not broken: {string.Join(" | ", pieces)}");
        Assert.All(pieces.SkipLast(1), p => Assert.EndsWith("-", p, StringComparison.Ordinal));
        Assert.Equal(token, string.Concat(pieces.Select(p => p.TrimEnd('-'))));
        Assert.Contains("Verification", words);
        Assert.Contains("Dependency", words);
    }

    [GeneratedRegex(@"^1\.1 The purpose of this report", RegexOptions.Multiline)]
    private static partial Regex NumberedLine();
}

public sealed class PaginationTestsInLiberationSans(RendererFixture fixture) : PaginationTests(fixture, Liberation);

public sealed class PaginationTestsInDejaVuSans(RendererFixture fixture) : PaginationTests(fixture, DejaVu);
