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
/// Writes one section of a paper: numbers its paragraphs (3.1, 3.2 ... in Part A; B3.1, B3.2 ... in Part B, so that
/// neither can be quoted for the other), and decides row by row what the part shows. Part A shows rows without an
/// exemption and records the paragraphs it withheld; Part B the opposite.
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

    public void Para(string text) => Blocks.Add(new Paragraph(text, $"{(part == PaperPart.B ? "B" : "")}{number}.{++paragraph}"));

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

    /// <summary>
    /// Part A's notice where exempt material was left out: one per section, naming each Schedule 12A paragraph that
    /// applies once ("paragraphs 3 and 4"), however many rows it withheld.
    /// </summary>
    public void NoticeOfWithheld()
    {
        if (Withheld.Count > 0)
            Para(ExemptNotice(Withheld));
    }

    public static string ExemptNotice(Exemption exemption) => ExemptNotice([exemption]);

    public static string ExemptNotice(IEnumerable<Exemption> exemptions)
    {
        var byParagraph = exemptions.GroupBy(e => e.Paragraph).OrderBy(g => g.Key).Select(g => g.First()).ToList();
        var numbers = byParagraph.Select(e => e.Paragraph.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var which = numbers.Count == 1 ? $"paragraph {numbers[0]}" : $"paragraphs {Format.List(numbers)}";
        var why = string.Join("; ", byParagraph.Select(e => e.Description.TrimEnd('.')));
        return $"Further information on this matter is exempt information under {which} of Part 1 of Schedule 12A to the "
            + $"Local Government Act 1972 (*{why}*). It is set out in the Part B appendix, which is not for publication.";
    }
}
