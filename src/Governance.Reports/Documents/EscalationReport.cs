using Governance.Reports.Layout;

namespace Governance.Reports.Documents;

/// <summary>
/// The short report a director or the scrutiny committee receives when a KPI slip reaches them: the contract,
/// the KPI history, what slipped, the responses so far and the remediation plan.
/// </summary>
public static class EscalationReport
{
    public static ReportDocument Build(EscalationData escalation, ContractData contract, DateTimeOffset created)
    {
        var info = new DocumentInfo(
            $"Escalation report: {contract.Reference} {contract.Title}",
            escalation.Owner ?? "Contract management",
            $"KPI slip escalated to {Format.Words(escalation.Level).ToLowerInvariant()} level",
            "Official",
            created,
            "escalation report");
        var blocks = new List<Block>
        {
            new Heading(1, $"Escalation report: {contract.Title}"),
            new FieldList([
                ("Contract", $"{contract.Reference}: {contract.Title}"),
                ("Supplier", contract.Supplier),
                ("Annual value", Format.Money(contract.AnnualValue)),
                ("Escalated to", Format.Words(escalation.Level)),
                ("Held by", escalation.Owner ?? "\u2013"),
                ("Opened", Format.Instant(escalation.OpenedAt)),
                ("Response due", escalation.RespondBy is { } due ? Format.Instant(due) : "\u2013"),
                ("Status", Format.Words(escalation.Status)),
            ]),
            new Heading(1, "1 What slipped"),
        };
        var number = 0;
        string N(int section) => $"{section}.{++number}";
        blocks.Add(new Paragraph($"Cause: **{Format.Words(escalation.Cause.Replace('-', ' '))}**. {escalation.Summary}", N(1)));
        blocks.Add(new Paragraph(ContractBlocks.Summary(contract, contract.Kpis), N(1)));
        blocks.Add(ContractBlocks.KpiTable(contract, contract.Kpis));

        blocks.Add(new Heading(1, "2 KPI history"));
        foreach (var kpi in contract.Kpis.Where(k => k.History.Count > 1))
            blocks.Add(ContractBlocks.Trend(kpi));

        blocks.Add(new Heading(1, "3 Responses so far"));
        number = 0;
        if (escalation.Responses.Count == 0)
            blocks.Add(new Paragraph("No response has been recorded at any level yet.", N(3)));
        else
            blocks.Add(new Table(
                [new("Date", 1), new("By", 1.6f), new("From", 1.2f), new("To", 1.2f), new("Comment", 3)],
                [.. escalation.Responses.Select(r => TableRow.Of(Format.Instant(r.At), r.Actor, Format.Words(r.From), Format.Words(r.To), r.Comment ?? ""))],
                "Each step of the escalation ladder, oldest first"));

        blocks.Add(new Heading(1, "4 Remediation plan"));
        number = 0;
        if (escalation.Plan is { } plan)
        {
            blocks.Add(new Paragraph($"*{plan.Title}*, agreed on {Format.Date(plan.AgreedOn)}{(plan.AgreedWith is null ? "" : $" with {plan.AgreedWith}")}. {plan.Objective}", N(4)));
            if (plan.Actions.Count > 0)
                blocks.Add(PaperSections.Actions(plan));
        }
        else
        {
            blocks.Add(new Paragraph("No remediation plan has been agreed. The recipient is asked to require one from the supplier or to direct another course.", N(4)));
        }
        return new ReportDocument(info, blocks);
    }
}
