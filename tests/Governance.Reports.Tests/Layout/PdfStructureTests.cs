using System.Text;
using Governance.Reports.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Governance.Reports.Tests.Layout;

public abstract class PdfStructureTests(RendererFixture fixture, string family) : InEachFont(fixture, family)
{
    [Fact]
    public void Metadata_carries_title_author_subject_and_creation_date()
    {
        using var document = PdfDocument.Open(Render(new Paragraph("Text.")));

        Assert.Equal("Customer contact programme update", document.Information.Title);
        Assert.Equal("Democratic Services", document.Information.Author);
        Assert.Equal("Overview and Scrutiny Commission, 7 October 2026", document.Information.Subject);
        Assert.Equal("scrutiny", document.Information.Keywords);
        Assert.Equal(SampleDocuments.Created, document.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void The_outline_has_a_bookmark_per_section_nested_and_pointing_at_its_page()
    {
        var pdf = Render(
            new Heading(1, "1 Purpose of report"), new Paragraph("Text."),
            new Heading(2, "Pathfinder areas"), new Paragraph("Text."), new PageBreak(),
            new Heading(1, "2 Background"), SampleDocuments.NumberedTable(150),
            new Heading(1, "3 Activity since last update \u2013 \u00a3 and \u2019quotes\u2019"));
        using var document = PdfDocument.Open(pdf);

        Assert.True(document.TryGetBookmarks(out var bookmarks), "The PDF has no outline.");
        var roots = bookmarks.Roots;
        Assert.Equal(["1 Purpose of report", "2 Background", "3 Activity since last update \u2013 \u00a3 and \u2019quotes\u2019"], roots.Select(r => r.Title));
        Assert.Equal("Pathfinder areas", Assert.Single(roots[0].Children).Title);
        var pages = roots.Cast<DocumentBookmarkNode>().Select(b => b.PageNumber).ToList();
        Assert.Equal(1, pages[0]);
        Assert.Equal(2, pages[1]);
        Assert.True(pages[2] > 2, "The third section starts after the long table.");
        Assert.Contains("3 Activity since last update", PdfText.Text(document.GetPage(pages[2])));
    }

    [Fact]
    public void Fonts_are_embedded()
    {
        var pdf = Render(new Paragraph("Regular, **bold** and *italic* text."));
        using var document = PdfDocument.Open(pdf);
        var fonts = document.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();

        Assert.Equal(3, fonts.Count);
        // Embedded as subsets: a six-letter tag before the name (ISO 32000-1, 9.6.4).
        Assert.All(fonts, f => Assert.Matches($"^[A-Z]{{6}}\\+{Fonts.Family}", f));
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Bold_markup_is_set_in_the_bold_face()
    {
        using var document = PdfDocument.Open(Render(new Paragraph("Plain **strong** plain.")));
        var word = document.GetPage(1).GetWords().Single(w => w.Text == "strong");

        Assert.All(word.Letters, l => Assert.Contains("Bold", l.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void Charts_are_vectors_with_their_title_axis_labels_and_thresholds()
    {
        var pdf = Render(SampleDocuments.Trend("KPI 1: calls answered"),
            new BarChart("Spend by year", ["2023/24", "2024/25"], [new ChartSeries("Budget", [2.3, 1.2]), new ChartSeries("Actual", [2.1, 1.4])], "GBP m"));
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var text = PdfText.Text(page);

        foreach (var expected in new[] { "KPI 1: calls answered", "Apr", "Target 90%", "Amber 85%", "Red 80%", "Spend by year", "2023/24", "Budget", "Actual" })
            Assert.Contains(expected, text);
        Assert.True(page.Paths.Count > 20, $"Expected vector paths for the charts, found {page.Paths.Count}.");
        Assert.DoesNotContain("/Subtype /Image", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Rag_cells_are_filled_with_their_colour()
    {
        using var document = PdfDocument.Open(Render(SampleDocuments.NumberedTable(3)));
        var fills = document.GetPage(1).Paths.Where(p => p.IsFilled).Select(p => p.FillColor?.ToRGBValues()).ToList();

        Assert.Contains(fills, c => c is { } rgb && Close(rgb.r, 0xD4) && Close(rgb.g, 0x35) && Close(rgb.b, 0x1C));
        Assert.Contains(fills, c => c is { } rgb && Close(rgb.r, 0x00) && Close(rgb.g, 0x70) && Close(rgb.b, 0x3C));
        Assert.Contains(fills, c => c is { } rgb && Close(rgb.r, 0xFF) && Close(rgb.g, 0xBF) && Close(rgb.b, 0x47));

        static bool Close(double channel, int expected) => Math.Abs(channel * 255 - expected) < 2;
    }

    [Fact]
    public void A_missing_font_is_a_clear_error_naming_the_package_to_install()
    {
        var error = Assert.Throws<ReportFontsMissingException>(() =>
            ReportFonts.Load([new FontFamilyFiles("Liberation Sans", "fonts-liberation2", "/nonexistent", "LiberationSans-Regular.ttf")]));

        Assert.Contains("fonts-liberation2", error.Message);
        Assert.Contains("/nonexistent", error.Message);
    }
}

public sealed class PdfStructureTestsInLiberationSans(RendererFixture fixture) : PdfStructureTests(fixture, Liberation);

public sealed class PdfStructureTestsInDejaVuSans(RendererFixture fixture) : PdfStructureTests(fixture, DejaVu);
