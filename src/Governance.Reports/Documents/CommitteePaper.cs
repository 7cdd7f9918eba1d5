using Governance.Reports.Layout;

namespace Governance.Reports.Documents;

/// <summary>
/// The committee report in the shape councillors expect: header block, recommendations, the fourteen numbered
/// sections, then appendices. Part A is the public paper; Part B the exempt appendix, built from the same data.
/// </summary>
public static class CommitteePaper
{
    public static readonly IReadOnlyList<string> SectionTitles =
    [
        "Purpose of report and executive summary",
        "Background",
        "Activity since last update",
        "Next steps",
        "Alternative options",
        "Consultation undertaken or proposed",
        "Timetable",
        "Financial, resource and property implications",
        "Legal and statutory implications",
        "Human rights, equalities and community cohesion implications",
        "Crime and disorder implications",
        "Risk management and health and safety implications",
        "Appendices \u2013 the following documents are to be published with this report and form part of it",
        "Background papers",
    ];

    /// <summary>The Schedule 12A exemptions that apply anywhere in the paper; none means there is no Part B.</summary>
    public static IReadOnlyList<Exemption> Exemptions(CommitteePaperData data)
    {
        var all = new List<Exemption?> { data.ItemExemption };
        all.AddRange(data.Narrative.Select(n => n.Exempt));
        if (data.Procurement is { } p)
        {
            all.AddRange(p.Budget.Select(b => b.Exempt));
            all.AddRange(p.Raid.Select(r => r.Exempt));
            if (p.Appraisal is { } a)
            {
                all.AddRange(a.Options.Select(o => o.Exempt));
                all.AddRange(a.Savings.Select(s => s.Exempt));
            }
        }
        all.AddRange(data.Contracts.SelectMany(c => c.Kpis).Select(k => k.Exempt));
        return [.. all.OfType<Exemption>().Distinct().OrderBy(e => e.Paragraph)];
    }

    public static ReportDocument Build(CommitteePaperData data, PaperPart part, DateTimeOffset created)
    {
        var exemptions = Exemptions(data);
        if (part == PaperPart.B && exemptions.Count == 0)
            throw new InvalidOperationException("This paper has no exempt information, so it has no Part B.");
        var paragraphs = string.Join(", ", exemptions.Select(e => e.Paragraph).Distinct());
        var header = data.Header;
        var info = new DocumentInfo(
            part == PaperPart.A ? header.Subject : $"{header.Subject} \u2013 Part B (exempt appendix)",
            header.LeadOfficer ?? "Democratic Services",
            $"{header.Committee}, {Format.Date(header.MeetingDate)}, agenda item {header.AgendaNumber}",
            part == PaperPart.A ? "Public" : $"Not for publication \u2013 Sch. 12A para. {paragraphs}",
            created,
            "committee report");
        var blocks = new List<Block>();
        HeaderBlock(blocks, data, part, exemptions, paragraphs);

        if (data.ItemExemption is { } whole && part == PaperPart.A)
        {
            blocks.Add(new Paragraph(SectionWriter.ExemptNotice(whole)));
            return new ReportDocument(info, blocks);
        }
        if (part == PaperPart.A)
            Recommendations(blocks, header);
        else
            ExemptPreamble(blocks, exemptions);

        var appendices = data.Contracts.Where(c => c.Assessment is not null).ToList();
        for (var n = 1; n <= 14; n++)
        {
            var section = new SectionWriter(part, n);
            PaperSections.Write(section, data, appendices, exemptions);
            if (part == PaperPart.A)
                section.NoticeOfWithheld();
            if (section.Blocks.Count == 0 && part == PaperPart.B)
                continue;
            blocks.Add(new Heading(1, $"{n} {SectionTitles[n - 1]}"));
            if (section.Blocks.Count == 0)
                section.Para("None specific to this report.");
            blocks.AddRange(section.Blocks);
        }

        if (part == PaperPart.A)
        {
            for (var i = 0; i < appendices.Count; i++)
            {
                var contract = appendices[i];
                blocks.Add(new PageBreak());
                blocks.Add(new Heading(1, $"Appendix {Format.Letter(i)}: annual contract assessment {contract.Assessment!.Year}, {contract.Reference}"));
                blocks.AddRange(ContractBlocks.Assessment(contract, contract.Assessment));
            }
        }
        return new ReportDocument(info, blocks);
    }

    private static void HeaderBlock(List<Block> blocks, CommitteePaperData data, PaperPart part, IReadOnlyList<Exemption> exemptions, string paragraphs)
    {
        var header = data.Header;
        blocks.Add(new Heading(1, part == PaperPart.A ? header.Subject : $"{header.Subject}: exempt appendix (Part B)"));
        var fields = new List<(string, string)>
        {
            ("Committee", header.Committee),
            ("Date", $"{Format.Date(header.MeetingDate)}, {header.MeetingTime}, {header.Venue}"),
            ("Agenda item", $"{header.AgendaNumber}"),
            ("Wards", header.Wards ?? "All"),
            ("Subject", header.Subject),
        };
        if (part == PaperPart.A)
        {
            fields.Add(("Lead officer", header.LeadOfficer ?? "\u2013"));
            fields.Add(("Lead member", header.LeadMember ?? "\u2013"));
            fields.Add(("Contact officer", header.ContactOfficer ?? header.LeadOfficer ?? "\u2013"));
        }
        fields.Add(("Classification", exemptions.Count == 0 ? "Public"
            : part == PaperPart.A ? $"Public, with an exempt appendix (Part B) not for publication under Schedule 12A paragraph {paragraphs}"
            : $"Not for publication by virtue of Schedule 12A paragraph {paragraphs} of the Local Government Act 1972"));
        blocks.Add(new FieldList(fields));
    }

    private static void Recommendations(List<Block> blocks, PaperHeader header)
    {
        blocks.Add(new Heading(2, "Recommendations"));
        var recommendations = header.Recommendations.Count > 0 ? header.Recommendations : ["That the committee note the report."];
        for (var i = 0; i < recommendations.Count; i++)
            blocks.Add(new Paragraph(recommendations[i], $"{Format.Letter(i)}."));
    }

    private static void ExemptPreamble(List<Block> blocks, IReadOnlyList<Exemption> exemptions)
    {
        blocks.Add(new Heading(2, "Why this appendix is exempt"));
        foreach (var exemption in exemptions)
        {
            blocks.Add(new Paragraph($"**Paragraph {exemption.Paragraph}:** {exemption.Description.TrimEnd('.')}."));
            blocks.Add(new Paragraph($"Public interest test: {exemption.PublicInterestTest}", Style: TextStyle.Small));
        }
        blocks.Add(new Paragraph("Members are asked not to disclose this appendix. Its paragraphs are numbered by the section of the public report they belong to, after a B: B8.1 belongs to section 8.", Style: TextStyle.Caption));
    }
}
