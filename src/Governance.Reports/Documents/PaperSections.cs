using Governance.Domain.Performance;
using Governance.Reports.Layout;

namespace Governance.Reports.Documents;

/// <summary>What each numbered section holds: the officers' narrative first, then the data the section reports.</summary>
internal static class PaperSections
{
    public static void Write(SectionWriter s, CommitteePaperData data, IReadOnlyList<ContractData> appendices, IReadOnlyList<Exemption> exemptions)
    {
        var narrative = data.Narrative.Where(n => n.Section == s.Number).ToList();
        foreach (var piece in s.Select(narrative.Where(n => n.Subheading is null), n => n.Exempt))
            s.Narrative(piece.Body);
        foreach (var group in s.Select(narrative.Where(n => n.Subheading is not null), n => n.Exempt).GroupBy(n => n.Subheading))
        {
            s.Sub(group.Key!);
            foreach (var piece in group)
                s.Narrative(piece.Body);
        }

        switch (s.Number)
        {
            case 3:
                Progress(s, data);
                Performance(s, data);
                Escalations(s, data);
                break;
            case 5:
                Appraisal(s, data.Procurement?.Appraisal);
                break;
            case 6:
                SignOffs(s, data);
                break;
            case 7:
                Timetable(s, data);
                break;
            case 8:
                Budget(s, data.Procurement);
                Savings(s, data.Procurement?.Appraisal);
                break;
            case 12:
                Raid(s, data.Procurement);
                break;
            case 13 when s.Part == PaperPart.A:
                Appendices(s, appendices, exemptions);
                break;
        }
    }

    private static void Progress(SectionWriter s, CommitteePaperData data)
    {
        if (data.Procurement is not { } p || s.Part == PaperPart.B)
            return;
        s.Sub("Procurement progress");
        var completed = p.Stages.Count(st => st.Actual is not null);
        s.Para($"Procurement {p.Reference} ({p.Title}) is run under the {p.Procedure}. It is at the **{Format.Words(p.Stage).ToLowerInvariant()}** stage, "
            + $"with {completed} of {p.Stages.Count} planned stages complete. Its estimated value is {Format.Money(p.EstimatedValue)} including VAT.");
    }

    private static void Performance(SectionWriter s, CommitteePaperData data)
    {
        foreach (var contract in data.Contracts)
        {
            var kpis = s.Select(contract.Kpis, k => k.Exempt);
            if (kpis.Count == 0)
                continue;
            s.Sub($"Contract performance: {contract.Title}");
            if (s.Part == PaperPart.A)
                s.Para(ContractBlocks.Summary(contract, kpis));
            s.Add(ContractBlocks.KpiTable(contract, kpis));
            foreach (var kpi in kpis.Where(k => k.History.Count > 1))
                s.Add(ContractBlocks.Trend(kpi));
        }
    }

    private static void Escalations(SectionWriter s, CommitteePaperData data)
    {
        if (data.Escalations.Count == 0 || s.Part == PaperPart.B)
            return;
        s.Sub("Escalations and remediation plans");
        s.Para($"{data.Escalations.Count} escalation{(data.Escalations.Count == 1 ? " is" : "s are")} open on the contracts in this report.");
        s.Add(new Table(
            [new("Contract", 1), new("Cause", 1), new("Level", 1), new("Held by", 1.4f), new("Opened", 1), new("Status", 1.1f)],
            [.. data.Escalations.Select(e => TableRow.Of(e.Contract, Format.Words(e.Cause.Replace('-', ' ')), Format.Words(e.Level), e.Owner ?? "\u2013", Format.Instant(e.OpenedAt), Format.Words(e.Status)))],
            "Open escalations"));
        foreach (var escalation in data.Escalations.Where(e => e.Plan is not null))
        {
            var plan = escalation.Plan!;
            s.Para($"Remediation plan for {escalation.Contract}, *{plan.Title}*, agreed on {Format.Date(plan.AgreedOn)}{(plan.AgreedWith is null ? "" : $" with {plan.AgreedWith}")}: {plan.Objective}");
            if (plan.Actions.Count > 0)
                s.Add(Actions(plan));
        }
    }

    internal static Table Actions(RemediationData plan) => new(
        [new("Action", 3), new("Owner", 1.2f), new("Due", 1), new("Status", 0.8f, CellAlign.Center)],
        [.. plan.Actions.Select(a => new TableRow([a.Description, a.Owner, Format.ShortDate(a.DueOn),
            new TableCell(a.Status, a.Status switch { "Done" => Rag.Green, "Missed" => Rag.Red, _ => (Rag?)null })]))],
        $"Actions of the remediation plan: {plan.Title}");

    private static void Appraisal(SectionWriter s, AppraisalData? appraisal)
    {
        if (appraisal is null)
            return;
        var options = s.Select(appraisal.Options, o => o.Exempt);
        if (options.Count == 0)
            return;
        s.Sub(appraisal.Title);
        if (s.Part == PaperPart.A)
        {
            var inHouse = appraisal.Options.FirstOrDefault(o => o.InHouseComparator);
            s.Para($"The options appraisal is {appraisal.Status.ToLowerInvariant()}. Every option, including "
                + (inHouse is null ? "an in-house comparator (none is recorded yet)" : $"the in-house comparator (*{inHouse.Name}*)")
                + $", is scored from 0 to 10 against the same {appraisal.Criteria.Count} weighted criteria.");
            if (appraisal.Summary is { Length: > 0 } summary)
                s.Para(summary);
        }
        var columns = new List<TableColumn> { new("Option", 1.8f) };
        columns.AddRange(appraisal.Criteria.Select(c => new TableColumn($"{c.Name} ({Format.Number(c.Weight)}%)", 1.15f, CellAlign.Right)));
        columns.Add(new TableColumn("Weighted (of 100)", 1, CellAlign.Right));
        columns.Add(new TableColumn("Whole-life cost", 1.2f, CellAlign.Right));
        s.Add(new Table(columns, [.. options.Select(o => new TableRow(
            [
                new TableCell(o.Name + (o.InHouseComparator ? " (in-house comparator)" : "") + (o.Preferred ? " \u2013 preferred" : "")),
                .. o.Scores.Select(v => new TableCell(v is { } x ? Format.Number(x) : "\u2013")),
                new TableCell(Format.Number(o.WeightedScore)),
                new TableCell(Format.Money(o.WholeLifeCost)),
            ], o.Preferred))], "Options appraisal: scores out of 10 per criterion"));
        var preferred = options.FirstOrDefault(o => o.Preferred);
        var best = options.MaxBy(o => o.WeightedScore);
        if (preferred is not null && best is not null && best.WeightedScore > preferred.WeightedScore)
        {
            s.Para($"The preferred option, *{preferred.Name}*, scores {Format.Number(preferred.WeightedScore)}, below *{best.Name}* at "
                + $"{Format.Number(best.WeightedScore)}. " + (appraisal.PreferenceRationale is { Length: > 0 } why
                    ? $"The recorded reason for preferring it: {why}"
                    : "No reason for preferring it has been recorded."));
        }
    }

    private static void SignOffs(SectionWriter s, CommitteePaperData data)
    {
        if (s.Part == PaperPart.B)
            return;
        if (data.SignOffs.Count > 0)
        {
            s.Sub("Sign-off by statutory officers and members");
            s.Add(new Table(
                [new("Gate", 1.3f), new("Signatory", 1.2f), new("Status", 1.1f, CellAlign.Center), new("Decided by", 1.5f), new("Date", 1), new("Conditions or reasons", 2.2f)],
                [.. data.SignOffs.Select(o => new TableRow([Format.Words(o.Gate.Replace('-', ' ')), Format.Words(o.Role),
                    new TableCell(Format.Words(o.Status), o.Status switch { "Approved" => Rag.Green, "Rejected" => Rag.Red, "ApprovedWithConditions" => Rag.Amber, _ => null }),
                    o.DecidedBy ?? "awaited", o.DecidedAt is { } at ? Format.Instant(at) : "\u2013", o.Reason ?? ""]))],
                "Sign-off gates of the workflow"));
        }
        foreach (var consultation in data.Consultations)
        {
            s.Para(consultation.Response is { } response
                ? $"Union consultation on *{consultation.Topic}*: the response of {consultation.RespondedBy} on {Format.Instant(consultation.RespondedAt!.Value)} was: \u201c{response}\u201d"
                : $"Union consultation on *{consultation.Topic}* is open; the response is due by {Format.Date(consultation.RespondBy)}.");
        }
    }

    private static void Timetable(SectionWriter s, CommitteePaperData data)
    {
        if (data.Procurement is not { Stages.Count: > 0 } p || s.Part == PaperPart.B)
            return;
        var slipped = p.Stages.Where(st => st.SlippageDays > 0).ToList();
        s.Para(slipped.Count == 0
            ? "Every stage so far has been met on or before its planned date."
            : $"{slipped.Count} of {p.Stages.Count} stages {(slipped.Count == 1 ? "has" : "have")} slipped against the plan; the largest slippage is "
              + $"{slipped.Max(st => st.SlippageDays)} days ({Format.Words(slipped.MaxBy(st => st.SlippageDays)!.Stage).ToLowerInvariant()}).");
        s.Add(new Table(
            [new("Stage", 2), new("Planned", 1.1f), new("Actual", 1.1f), new("Slippage", 1.1f, CellAlign.Right)],
            [.. p.Stages.Select(st => new TableRow([Format.Words(st.Stage), Format.Date(st.Planned), st.Actual is null ? "not yet" : Format.Date(st.Actual),
                new TableCell(Format.Days(st.SlippageDays), st.SlippageDays switch { > 30 => Rag.Red, > 0 => Rag.Amber, _ => null })]))],
            $"Timetable of procurement {p.Reference}: planned against actual (slippage as at {Format.Date(data.Today)} for stages not yet reached)"));
    }

    private static void Budget(SectionWriter s, ProcurementData? procurement)
    {
        if (procurement is null)
            return;
        var lines = s.Select(procurement.Budget, b => b.Exempt);
        if (lines.Count == 0)
            return;
        s.Sub("Budget");
        var rows = lines.Select(b => TableRow.Of(b.Name, b.ApprovedBy ?? "\u2013", Format.Money(b.Approved), Format.Money(b.Spent), Format.Money(b.Approved - b.Spent))).ToList();
        rows.Add(new TableRow([.. new[] { "Total", "", Format.Money(lines.Sum(b => b.Approved)), Format.Money(lines.Sum(b => b.Spent)), Format.Money(lines.Sum(b => b.Approved - b.Spent)) }.Select(t => new TableCell(t))], Emphasis: true));
        s.Add(new Table(
            [new("Budget line", 2.2f), new("Approved by", 2), new("Approved", 1.1f, CellAlign.Right), new("Spent", 1.1f, CellAlign.Right), new("Remaining", 1.1f, CellAlign.Right)],
            rows, "Approved budgets and spend to date"));
    }

    private static void Savings(SectionWriter s, AppraisalData? appraisal)
    {
        if (appraisal is null)
            return;
        var lines = s.Select(appraisal.Savings, l => l.Exempt);
        if (lines.Count == 0)
            return;
        s.Sub("Savings and how they are estimated");
        if (s.Part == PaperPart.A)
            s.Para($"Each savings line states its method, its assumptions and its evidence, so that members can test it. Together they come to {Format.Money(lines.Sum(l => l.AnnualAmount))} a year.");
        s.Add(new Table(
            [new("Saving", 1.6f), new("A year", 0.9f, CellAlign.Right), new("Method", 1.6f), new("Assumptions", 1.6f), new("Evidence", 1.6f)],
            [.. lines.Select(l => TableRow.Of(l.Option is null ? l.Description : $"{l.Description} ({l.Option})", Format.Money(l.AnnualAmount), l.Method, l.Assumptions, l.Evidence))],
            "Savings lines"));
    }

    private static void Raid(SectionWriter s, ProcurementData? procurement)
    {
        if (procurement is null)
            return;
        var items = s.Select(procurement.Raid.Where(r => !r.Closed), r => r.Exempt);
        if (items.Count == 0)
            return;
        s.Sub("Risks, assumptions, issues and dependencies");
        s.Add(new Table(
            [new("Type", 0.9f), new("Item", 2.2f), new("Owner", 1.3f), new("Rating", 0.9f, CellAlign.Center), new("Mitigation", 2.4f)],
            [.. items.OrderByDescending(r => Severity(r.Rating)).Select(r => new TableRow([r.Kind, r.Title, r.Owner,
                new TableCell(r.Rating, r.Rating switch { "Critical" or "High" => Rag.Red, "Medium" => Rag.Amber, _ => Rag.Green }), r.Mitigation ?? "\u2013"]))],
            "RAID log: open items, most severe first"));

        static int Severity(string rating) => rating switch { "Critical" => 3, "High" => 2, "Medium" => 1, _ => 0 };
    }

    private static void Appendices(SectionWriter s, IReadOnlyList<ContractData> appendices, IReadOnlyList<Exemption> exemptions)
    {
        var items = appendices.Select((c, i) => $"Appendix {Format.Letter(i)}: annual contract assessment {c.Assessment!.Year} of {c.Reference} ({c.Supplier}), rated {Format.Words(c.Assessment.Rating).ToLowerInvariant()}").ToList();
        if (exemptions.Count > 0)
            items.Add($"Part B: exempt appendix, not for publication by virtue of paragraph {string.Join(", ", exemptions.Select(e => e.Paragraph).Distinct())} of Part 1 of Schedule 12A to the Local Government Act 1972");
        if (items.Count > 0)
            s.Add(new BulletList(items, Indented: true));
    }
}
