using Governance.Reports.Layout;

namespace Governance.Reports.Documents;

/// <summary>One agenda item on a pack's front sheet: its public paper, and whether an exempt appendix goes to members only.</summary>
public sealed record PackItem(int Number, string Title, string? LeadOfficer, IReadOnlyList<int> ExemptParagraphs, ReportDocument? PartA);

public sealed record PackData(string Committee, DateOnly MeetingDate, string MeetingTime, string Venue, IReadOnlyList<PackItem> Items);

/// <summary>
/// A meeting's public pack as one document: the agenda front sheet (the summons's list of business, with each exempt
/// appendix named by its Schedule 12A paragraphs and never shown), then each item's Part A paper in agenda order.
/// </summary>
public static class MeetingPack
{
    public static ReportDocument Build(PackData data, DateTimeOffset created)
    {
        var title = $"{data.Committee}: agenda and papers, {Format.Date(data.MeetingDate)}";
        var info = new DocumentInfo(title, "Democratic Services", $"{data.Committee}, {Format.Date(data.MeetingDate)}", "Public", created, "agenda pack");
        var blocks = new List<Block>
        {
            new Heading(1, title),
            new FieldList([("Committee", data.Committee), ("Date", $"{Format.Date(data.MeetingDate)}, {data.MeetingTime}"), ("Venue", data.Venue)]),
            new Heading(2, "Agenda"),
            new Table(
                [new TableColumn("Item", 0.5f, CellAlign.Right), new TableColumn("Business", 4), new TableColumn("Lead officer", 2), new TableColumn("Papers", 2.2f)],
                [.. data.Items.Select(i => TableRow.Of($"{i.Number}", i.Title, i.LeadOfficer ?? "\u2013", Papers(i)))],
                "The business of the meeting, in order"),
        };
        var exempt = data.Items.Where(i => i.ExemptParagraphs.Count > 0).ToList();
        if (exempt.Count > 0)
        {
            blocks.Add(new Paragraph(
                $"The public may be excluded while the committee considers the exempt {(exempt.Count == 1 ? "appendix of item" : "appendices of items")} "
                + Format.List(exempt.Select(i => $"{i.Number}")) + $", which {(exempt.Count == 1 ? "contains" : "contain")} exempt information under Schedule 12A to the Local Government Act 1972 "
                + $"(section 100A(4)). {(exempt.Count == 1 ? "It is" : "They are")} sent to members only and {(exempt.Count == 1 ? "is" : "are")} not part of this pack."));
        }
        foreach (var item in data.Items.Where(i => i.PartA is not null))
        {
            blocks.Add(new PageBreak());
            blocks.AddRange(item.PartA!.Blocks);
        }
        return new ReportDocument(info, blocks);
    }

    private static string Papers(PackItem item) =>
        (item.PartA is null ? "Paper to follow" : "Report (Part A)")
        + (item.ExemptParagraphs.Count == 0 ? "" : $"; exempt appendix, paragraph{(item.ExemptParagraphs.Count > 1 ? "s" : "")} {Format.List(item.ExemptParagraphs.Select(p => $"{p}"))}, members only");
}
