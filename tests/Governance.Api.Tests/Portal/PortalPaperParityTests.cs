using System.Net;
using System.Text.RegularExpressions;
using Governance.Api.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// The HTML paper and the PDF beside it are one document: the same section headings, numbered paragraphs and
/// figures; the PDF a visitor downloads is tagged, and holds nothing exempt.
/// </summary>
public sealed partial class PortalPaperParityTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<h2 class=\"govuk-heading-l\">([^<]+)</h2>")]
    private static partial Regex SectionHeading();

    [GeneratedRegex("<span class=\"council-paper__number\">([^<]+)</span>")]
    private static partial Regex ParagraphNumber();

    [GeneratedRegex("<figcaption[^>]*>([^<]+)</figcaption>")]
    private static partial Regex Figure();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task TheHtmlPaper_AndItsPdf_HaveTheSameHeadingsParagraphsAndFigures(int item)
    {
        using var visitor = PortalClient.Anonymous(app);
        var html = await visitor.GetStringAsync($"/papers/{item}", Ct);
        Assert.Contains($"href=\"/papers/{item}/pdf\"", html, StringComparison.Ordinal);
        using var response = await visitor.GetAsync($"/papers/{item}/pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

        var headings = SectionHeading().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(document.TryGetBookmarks(out var bookmarks), "The PDF has no outline.");
        // The paper's title is the PDF's first bookmark and the page's one h1; the sections follow in both.
        Assert.Equal(bookmarks.Roots.Select(b => b.Title).Skip(1), headings);
        Assert.Contains($">{WebUtility.HtmlEncode(bookmarks.Roots[0].Title)}</h1>", html, StringComparison.Ordinal);
        var numbers = ParagraphNumber().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Contains($" {n} ", $" {text} ", StringComparison.Ordinal));
        var figures = Figure().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.All(figures, f => Assert.Contains(f, text, StringComparison.Ordinal));
        if (item == 2)
            Assert.NotEmpty(figures); // the contract paper carries KPI trend charts

        // Tagged, with nothing exempt in what a visitor downloads.
        Assert.Contains("/StructTreeRoot", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.DoesNotContain("indicative prices for the core", text, StringComparison.Ordinal);
        using var again = await visitor.GetAsync($"/papers/{item}/pdf", Ct);
        Assert.Equal(pdf, await again.Content.ReadAsByteArrayAsync(Ct));
    }
}
