using Governance.Reports.Documents;
using Governance.Reports.Layout;

namespace Governance.Reports.Tests.Documents;

/// <summary>
/// Part B's paragraphs cannot be quoted for Part A's (B8.1 is not 8.1), and Part A's notice of what it withheld names
/// each Schedule 12A paragraph once per section, however many rows it left out.
/// </summary>
public sealed class PartNumberingTests
{
    [Fact]
    public void PartB_NumbersItsParagraphsWithB_AndPartA_WithoutIt()
    {
        // Section paragraphs only: the lettered recommendations (A., B.) head both parts.
        static List<string> Numbers(PaperPart part) => CommitteePaper.Build(SamplePapers.Paper(), part, SamplePapers.Created).Blocks.OfType<Paragraph>()
            .Select(p => p.Number).OfType<string>().Where(n => n.Any(char.IsDigit)).ToList();
        var partB = Numbers(PaperPart.B);
        var partA = Numbers(PaperPart.A);

        Assert.NotEmpty(partB);
        Assert.All(partB, n => Assert.Matches(@"^B\d+\.\d+$", n));
        Assert.All(partA, n => Assert.Matches(@"^\d+\.\d+$", n));
    }

    [Fact]
    public void PartA_NamesEachWithheldParagraphOncePerSection_AndSeveralTogether()
    {
        var paper = SamplePapers.Paper();
        // A second row of the budget under the same paragraph, and one under paragraph 4 (labour relations).
        var paragraph4 = new Exemption(4, "Information relating to consultations or negotiations in connection with labour relations matters", "The unions are still consulted.");
        paper = paper with
        {
            Procurement = paper.Procurement! with
            {
                Budget =
                [
                    .. paper.Procurement!.Budget,
                    new BudgetRow("Second withheld line", "Section 151 officer", 10_000m, 0m, SamplePapers.Paragraph3),
                    new BudgetRow("Redundancy provision", "Head of HR", 20_000m, 0m, paragraph4),
                ],
            },
        };
        var notices = CommitteePaper.Build(paper, PaperPart.A, SamplePapers.Created).Blocks.OfType<Paragraph>()
            .Where(p => p.Text.StartsWith("Further information on this matter", StringComparison.Ordinal)).ToList();

        Assert.Equal(notices.Count, notices.Select(n => n.Number![..n.Number!.IndexOf('.', StringComparison.Ordinal)]).Distinct().Count()); // one per section
        Assert.Contains(notices, n => n.Text.Contains("under paragraphs 3 and 4 of Part 1 of Schedule 12A", StringComparison.Ordinal));
    }
}
