using System.Net;
using System.Text.RegularExpressions;
using Governance.Domain.Performance;
using Governance.Reports.Documents;
using Governance.Reports.Html;
using Governance.Reports.Layout;
using Governance.Reports.Tests.Documents;
using Governance.Reports.Tests.Layout;

namespace Governance.Reports.Tests.Html;

/// <summary>
/// The HTML paper is the accessible version of the PDF: written from the same document model, with the same headings
/// in the same order and the same numbered paragraphs, tables with header cells, charts with a text alternative and
/// their figures, nothing exempt in Part A, and no markup from the data.
/// </summary>
public sealed partial class HtmlPaperWriterTests(RendererFixture fixture)
{
    [GeneratedRegex("<h([1-6])[^>]*>(.*?)</h\\1>")]
    private static partial Regex Headings();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    private static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [Fact]
    public void PartA_HasThePdfsHeadingsInOrder_AndItsNumberedParagraphs_AndNothingExempt()
    {
        var document = CommitteePaper.Build(SamplePapers.Paper(), PaperPart.A, SamplePapers.Created);
        var html = HtmlPaperWriter.Write(document);

        var expected = document.Blocks.OfType<Heading>().Select(h => h.Text).ToList();
        var written = Headings().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();
        Assert.Equal(expected, written);
        Assert.Single(Headings().Matches(html), m => m.Groups[1].Value == "1"); // one h1, the title; sections are h2
        foreach (var title in CommitteePaper.SectionTitles)
            Assert.Contains(written, h => h.Contains(title, StringComparison.Ordinal));

        // The PDF says the same: each heading and each numbered paragraph's number is in its text too.
        var pdf = string.Join("\n", PdfText.Pages(fixture.Renderer.RenderToBytes(document)));
        var flatPdf = string.Join(' ', pdf.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var heading in expected)
            Assert.Contains(string.Join(' ', heading.Split(' ', StringSplitOptions.RemoveEmptyEntries)), flatPdf, StringComparison.Ordinal);
        foreach (var number in document.Blocks.OfType<Paragraph>().Select(p => p.Number).OfType<string>())
            Assert.Contains($"<span class=\"council-paper__number\">{number}</span>", html, StringComparison.Ordinal);

        var text = Text(html);
        foreach (var secret in new[] { SamplePapers.ExemptNarrative, SamplePapers.ExemptBudgetLine, SamplePapers.ExemptKpi, SamplePapers.PublicInterestTest })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\"", html, StringComparison.Ordinal);
        Assert.Contains("<caption", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AChart_IsAnSvgWithATextAlternative_FollowedByItsFigures_AndAStatusIsAWord()
    {
        var document = new ReportDocument(new DocumentInfo("T", "A", "S", "Public", SamplePapers.Created),
        [
            new LineChart("Calls answered within 60 seconds", ["Jan 2015", "Feb 2015"], [new ChartSeries("Actual", [81.5, 78])], [new ReferenceLine("Target", 80, ReferenceKind.Target)], "%"),
            new Table([new TableColumn("KPI"), new TableColumn("Rating")], [new TableRow([new TableCell("Calls answered"), new TableCell("", Rag.Red)])]),
        ]);
        var html = HtmlPaperWriter.Write(document);

        Assert.Contains("<svg role=\"img\" aria-labelledby=\"chart-1-title chart-1-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"chart-1-desc\">Calls answered within 60 seconds: line chart of 1 series over 2 periods, from Jan 2015 to Feb 2015; lines mark Target at 80.", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">Feb 2015</th><td class=\"govuk-table__cell govuk-table__header--numeric govuk-table__cell--numeric\">78</td>", html, StringComparison.Ordinal);
        Assert.Contains("(Red)", html, StringComparison.Ordinal); // a status is never colour alone
    }

    [Fact]
    public void TextFromTheData_IsEncoded_AndOnlyItsBoldAndItalicBecomeMarkup()
    {
        var document = new ReportDocument(new DocumentInfo("T", "A", "S", "Public", SamplePapers.Created),
            [new Heading(1, "Bids <b>&</b> prices"), new Paragraph("**Recommended:** <script>alert(1)</script> the *preferred* bidder", "3.2")]);
        var html = HtmlPaperWriter.Write(document);

        Assert.Contains("Bids &lt;b&gt;&amp;&lt;/b&gt; prices", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Recommended:</strong> &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<em>preferred</em>", html, StringComparison.Ordinal);
    }
}
