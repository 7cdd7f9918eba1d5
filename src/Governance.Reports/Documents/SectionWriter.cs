using Governance.Reports.Layout;

namespace Governance.Reports.Documents;

public enum PaperPart
{
    /// <summary>The public paper: everything except exempt information.</summary>
    A,

    /// <summary>The exempt appendix: only exempt information.</summary>
    B,
}

/// <summary>
/// Writes one section of a paper: numbers its paragraphs (3.1, 3.2 ...), and decides row by row what the part
/// shows. Part A shows rows without an exemption and records the paragraphs it withheld; Part B the opposite.
/// </summary>
internal sealed class SectionWriter(PaperPart part, int number)
{
    private int paragraph;

    public List<Block> Blocks { get; } = [];

    public HashSet<Exemption> Withheld { get; } = [];

    public PaperPart Part => part;

    public int Number => number;

    public bool Shows(Exemption? exemption) => part == PaperPart.A ? exemption is null : exemption is not null;

    /// <summary>The rows this part shows; in Part A, the exemptions of the rest are noted for the notice.</summary>
    public List<T> Select<T>(IEnumerable<T> rows, Func<T, Exemption?> exemption)
    {
        var shown = new List<T>();
        foreach (var row in rows)
        {
            var e = exemption(row);
            if (Shows(e))
                shown.Add(row);
            else if (e is not null)
                Withheld.Add(e);
        }
        return shown;
    }

    public void Para(string text) => Blocks.Add(new Paragraph(text, $"{number}.{++paragraph}"));

    public void Sub(string heading) => Blocks.Add(new Heading(2, heading));

    public void Add(Block block) => Blocks.Add(block);

    /// <summary>An officer's narrative: blank lines separate paragraphs; "- " lines are bullets; "### " a subheading.</summary>
    public void Narrative(string body)
    {
        foreach (var chunk in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = chunk.Split('\n', StringSplitOptions.TrimEntries);
            if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
                Blocks.Add(new BulletList([.. lines.Select(l => l[2..])], Indented: true));
            else if (chunk.StartsWith("### ", StringComparison.Ordinal))
                Blocks.Add(new Heading(3, chunk[4..]));
            else
                Para(string.Join(' ', lines));
        }
    }

    /// <summary>Part A's notice where exempt material was left out: which paragraph applies, and where it is.</summary>
    public void NoticeOfWithheld()
    {
        foreach (var exemption in Withheld.OrderBy(e => e.Paragraph))
            Para(ExemptNotice(exemption));
    }

    public static string ExemptNotice(Exemption exemption) =>
        $"Further information on this matter is exempt information under paragraph {exemption.Paragraph} of Part 1 of Schedule 12A to the "
        + $"Local Government Act 1972 (*{exemption.Description.TrimEnd('.')}*). It is set out in the Part B appendix, which is not for publication.";
}
