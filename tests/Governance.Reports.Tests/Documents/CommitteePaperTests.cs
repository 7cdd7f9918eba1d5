using Governance.Reports.Documents;
using Governance.Reports.Tests.Layout;
using UglyToad.PdfPig;

namespace Governance.Reports.Tests.Documents;

public abstract class CommitteePaperTests(RendererFixture fixture, string family) : InEachFont(fixture, family)
{
    private byte[] Render(CommitteePaperData data, PaperPart part) => Renderer.RenderToBytes(CommitteePaper.Build(data, part, SamplePapers.Created));

    [Fact]
    public void Part_A_has_the_header_lettered_recommendations_and_the_fourteen_sections_in_order_as_bookmarks()
    {
        var pdf = Render(SamplePapers.Paper(), PaperPart.A);
        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", PdfText.Pages(pdf));

        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var sections = bookmarks.Roots.Select(b => b.Title).Where(t => char.IsDigit(t[0])).ToList();
        Assert.Equal(Enumerable.Range(1, 14).Select(n => $"{n} {CommitteePaper.SectionTitles[n - 1]}"), sections);
        foreach (var field in new[] { "Committee Overview and Scrutiny Commission", "Agenda item 5", "Lead officer Sophie Ellis", "Lead member Cllr Allison" })
            Assert.Contains(field, text);
        Assert.Contains("A. That the Commission comments on progress.", text);
        Assert.Contains("B. That the Commission notes the timetable.", text);
        Assert.Contains("1.1 This report updates the Commission.", text);
        Assert.Contains("1.2 Dialogue continues with three bidders.", text);
        Assert.Contains("11.1 None specific to this report.", text);
        Assert.Contains("Customer Contact Programme update", document.Information.Title);
    }

    [Fact]
    public void No_word_in_the_paper_is_split_except_with_a_hyphen()
    {
        var paper = CommitteePaper.Build(SamplePapers.Paper(), PaperPart.A, SamplePapers.Created);
        var pdf = Renderer.RenderToBytes(paper);
        var source = new HashSet<string>(SourceText(paper).SelectMany(t => t.Replace("*", "", StringComparison.Ordinal).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal);
        using var document = PdfDocument.Open(pdf);

        // A fragment of a source word, not after a hyphenated line end, is a word split mid-word.
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        var split = words.Where((w, i) => !source.Contains(w) && !w.All(c => char.IsDigit(c) || c is '%' or '.' or ',') /* axis labels */ && !w.EndsWith('-') && (i == 0 || !words[i - 1].EndsWith('-'))
                && source.Any(s => s.Length > w.Length && (s.StartsWith(w, StringComparison.Ordinal) || s.EndsWith(w, StringComparison.Ordinal))))
            .Distinct().ToList();

        Assert.True(split.Count == 0, "Words broken without a hyphen: " + string.Join(", ", split));
    }

    [Fact]
    public void A_paper_embeds_only_the_glyphs_it_uses_and_stays_small()
    {
        var pdf = Render(SamplePapers.Paper(), PaperPart.A);
        using var document = PdfDocument.Open(pdf);

        Assert.True(document.NumberOfPages >= 6, $"The sample paper has {document.NumberOfPages} pages; the size target is for six or more.");
        Assert.True(pdf.Length < 250_000, $"{document.NumberOfPages} pages in {pdf.Length / 1024} KB.");
    }

    private static IEnumerable<string> SourceText(Governance.Reports.Layout.ReportDocument paper)
    {
        yield return paper.Info.Title;
        yield return paper.Info.Subject;
        yield return paper.Info.Classification.ToUpperInvariant();
        foreach (var block in paper.Blocks)
        {
            var texts = block switch
            {
                Governance.Reports.Layout.Heading h => [h.Text],
                Governance.Reports.Layout.Paragraph p => [p.Text],
                Governance.Reports.Layout.BulletList l => l.Items,
                Governance.Reports.Layout.FieldList f => f.Fields.SelectMany(x => new[] { x.Label, x.Value }),
                Governance.Reports.Layout.Table t => t.Columns.Select(c => c.Title).Concat(t.Rows.SelectMany(r => r.Cells.Select(c => c.Text))).Append(t.Caption ?? ""),
                Governance.Reports.Layout.LineChart c => c.Series.Select(s => s.Name).Concat(c.Categories).Concat(c.References.Select(r => r.Label)).Append(c.Title).Append(c.Unit ?? ""),
                Governance.Reports.Layout.BarChart c => c.Series.Select(s => s.Name).Concat(c.Categories).Append(c.Title).Append(c.Unit ?? ""),
                _ => Enumerable.Empty<string>(),
            };
            foreach (var text in texts)
                yield return text;
        }
    }

    [Fact]
    public void Appraisal_PreferringALowerScoringOption_ShowsTheRecordedReason()
    {
        var paper = SamplePapers.Paper(withExempt: false);
        var appraisal = paper.Procurement!.Appraisal! with
        {
            Options = [.. paper.Procurement.Appraisal.Options.Select(o => o with { Preferred = o.InHouseComparator, WeightedScore = o.InHouseComparator ? 51 : 71 })],
            PreferenceRationale = "The council wants to keep the skills in house.",
        };
        var text = string.Join("\n", PdfText.Pages(Render(paper with { Procurement = paper.Procurement with { Appraisal = appraisal } }, PaperPart.A))).Replace("\n", " ", StringComparison.Ordinal);
        Assert.Contains("scores 51, below", text, StringComparison.Ordinal);
        Assert.Contains("The council wants to keep the skills in house.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Part_A_carries_the_data_sections_from_the_data()
    {
        var pdf = Render(SamplePapers.Paper(), PaperPart.A);
        var text = string.Join("\n", PdfText.Pages(pdf));

        // Timetable with slippage, budget with totals, savings with method, appraisal with the in-house comparator.
        Assert.Contains("Outline solutions 3 March 2014 24 March 2014 21 days late", text);
        Assert.Contains("Total £2,300,000 £412,000 £1,888,000", text);
        Assert.Contains("Transactions moved", text);
        Assert.Contains("(in-house", text);
        Assert.Contains("Develop in house", text);
        // KPI table, chart titles, escalation and remediation, sign-off, the union's response, RAID, the assessment appendix.
        Assert.Contains("KPI-01: Calls answered within 60 seconds", text);
        Assert.Contains("Contact centre recovery plan", text);
        Assert.Contains("Recruit twelve advisers", text);
        Assert.Contains("We ask for no compulsory redundancies.", text);
        Assert.Contains("Integration with E&R systems", PdfText.Drawn(pdf)); // a cell that wraps in DejaVu Sans
        Assert.Contains("Appendix A: annual contract assessment 2014, SSO-2012-001", text);
        Assert.Contains("Requires improvement", text);
    }

    [Fact]
    public void Part_A_leaves_out_every_exempt_string_and_names_the_schedule_12A_paragraph()
    {
        var pdf = Render(SamplePapers.Paper(), PaperPart.A);
        var text = string.Join("\n", PdfText.Pages(pdf));
        using var document = PdfDocument.Open(pdf);

        foreach (var secret in new[] { SamplePapers.ExemptNarrative, SamplePapers.ExemptBudgetLine, SamplePapers.ExemptKpi, SamplePapers.PublicInterestTest, "Bidders' prices", "150,000" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, document.Information.Title + document.Information.Subject + document.Information.Keywords, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("paragraph 3 of Part 1 of Schedule 12A", text.Replace("\n", " ", StringComparison.Ordinal));
        Assert.Contains("Part B: exempt appendix", text);
    }

    [Fact]
    public void Part_B_holds_only_the_exempt_material_with_its_public_interest_test()
    {
        var pdf = Render(SamplePapers.Paper(), PaperPart.B);
        var text = string.Join("\n", PdfText.Pages(pdf));
        var flat = text.Replace("\n", " ", StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf);

        Assert.Contains(SamplePapers.ExemptNarrative, flat);
        Assert.Contains("Contingency held", flat);
        Assert.Contains(SamplePapers.ExemptKpi, flat);
        Assert.Contains(SamplePapers.PublicInterestTest, flat);
        Assert.Contains("NOT FOR PUBLICATION", text);
        Assert.DoesNotContain("Cabinet refreshed the strategy", flat);
        Assert.DoesNotContain("Invoices paid within 30 days", flat);
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        Assert.Equal(["3 Activity since last update", "8 Financial, resource and property implications"], bookmarks.Roots.Select(b => b.Title).Where(t => char.IsDigit(t[0])));
    }

    [Fact]
    public void A_paper_without_exempt_material_has_no_part_B()
    {
        var data = SamplePapers.Paper(withExempt: false);

        Assert.Empty(CommitteePaper.Exemptions(data));
        Assert.Throws<InvalidOperationException>(() => CommitteePaper.Build(data, PaperPart.B, SamplePapers.Created));
        Assert.DoesNotContain("Schedule 12A", string.Join("\n", PdfText.Pages(Render(data, PaperPart.A))));
    }

    [Fact]
    public void A_wholly_exempt_item_publishes_only_its_header_and_the_notice()
    {
        var data = SamplePapers.Paper() with { ItemExemption = SamplePapers.Paragraph3 };
        var text = string.Join("\n", PdfText.Pages(Render(data, PaperPart.A)));

        Assert.Contains("Customer Contact Programme update", text);
        Assert.Contains("exempt information under paragraph 3", text.Replace("\n", " ", StringComparison.Ordinal));
        Assert.DoesNotContain("This report updates the Commission", text);
        Assert.DoesNotContain("Recommendations", text);
    }

    [Fact]
    public void The_escalation_report_shows_what_slipped_the_history_the_responses_and_the_plan()
    {
        var paper = SamplePapers.Paper(withExempt: false);
        var pdf = Renderer.RenderToBytes(EscalationReport.Build(SamplePapers.Escalation(), paper.Contracts[0], SamplePapers.Created));
        var text = string.Join("\n", PdfText.Pages(pdf)).Replace("\n", " ", StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf);

        Assert.Contains("Escalated to Director", text);
        Assert.Contains("Calls answered within 60 seconds has been red since June.", text);
        Assert.Contains("KPI-01: Calls answered within 60 seconds", text);
        Assert.Contains("Escalated after ten working days.", text);
        Assert.Contains("Restore calls answered within 60 seconds to target by December.", text);
        Assert.Contains("Later shift pattern", text);
        Assert.True(document.GetPage(1).Paths.Count + document.GetPage(2).Paths.Count > 30, "the KPI history is drawn as charts");
    }

    [Fact]
    public void The_contract_assessment_prints_its_uk9_rating_and_monthly_scores()
    {
        var contract = SamplePapers.Paper(withExempt: false).Contracts[0];
        var text = string.Join("\n", PdfText.Pages(Renderer.RenderToBytes(ContractAssessmentReport.Build(contract, SamplePapers.Created))));

        Assert.Contains("Rating (UK9) Requires improvement", text);
        Assert.Contains("Average score 62% over 12 of 12 periods", text);
        Assert.Contains("Apr 14 62% Red 2 0 0", text);
        Assert.Contains("council policy", text);
        Assert.Contains("section 71 of the Procurement Act 2023", text.Replace("\n", " ", StringComparison.Ordinal));
    }
}

public sealed class CommitteePaperTestsInLiberationSans(RendererFixture fixture) : CommitteePaperTests(fixture, Liberation);

public sealed class CommitteePaperTestsInDejaVuSans(RendererFixture fixture) : CommitteePaperTests(fixture, DejaVu);
