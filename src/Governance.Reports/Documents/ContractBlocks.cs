using Governance.Domain.Performance;
using Governance.Reports.Layout;

namespace Governance.Reports.Documents;

/// <summary>KPI tables, trend charts and the annual assessment, shared by committee papers and the PDF reports.</summary>
internal static class ContractBlocks
{
    /// <summary>The latest return of each KPI with its RAG status and verification, one row per KPI.</summary>
    public static Table KpiTable(ContractData contract, IReadOnlyList<KpiData> kpis) => new(
        [new("KPI", 1.05f), new("Indicator", 2.7f), new("Target", 0.9f, CellAlign.Right), new("Latest", 0.9f, CellAlign.Right),
         new("Period", 0.9f), new("Status", 0.8f, CellAlign.Center), new("Verification", 1.1f)],
        [.. kpis.Select(k => k.History.Count > 0 && k.History[^1] is { } last
            ? new TableRow([k.Code, k.Name, Format.Value(k.Target, k.Unit), Format.Value(last.Value, k.Unit), Format.Month(last.Period), new TableCell(last.Rag.ToString(), last.Rag), last.Verification])
            : TableRow.Of(k.Code, k.Name, Format.Value(k.Target, k.Unit), "no return", "\u2013", "\u2013", "\u2013"))],
        $"KPIs of contract {contract.Reference} ({contract.Supplier}): latest returns");

    /// <summary>A KPI's last 24 returns against its target and its red threshold.</summary>
    public static LineChart Trend(KpiData kpi)
    {
        var points = kpi.History.TakeLast(24).ToList();
        return new LineChart(
            $"{kpi.Code}: {kpi.Name}",
            [.. points.Select(p => Format.Month(p.Period))],
            [new ChartSeries("Return", [.. points.Select(p => (double?)(double)p.Value)])],
            [
                new ReferenceLine($"Target {Format.Number(kpi.Target)}", (double)kpi.Target, ReferenceKind.Target),
                new ReferenceLine($"Red {Format.Number(kpi.RedThreshold)}", (double)kpi.RedThreshold, ReferenceKind.Red),
            ],
            kpi.Unit);
    }

    /// <summary>One sentence on where the KPIs stand now, so the reader does not have to count cells.</summary>
    public static string Summary(ContractData contract, IReadOnlyList<KpiData> kpis)
    {
        var latest = kpis.Where(k => k.History.Count > 0).Select(k => k.History[^1]).ToList();
        var red = latest.Count(p => p.Rag == Rag.Red);
        var amber = latest.Count(p => p.Rag == Rag.Amber);
        var unverified = latest.Count(p => p.Verification != "Verified");
        return $"Contract {contract.Reference} with {contract.Supplier} ({Format.Money(contract.AnnualValue)} a year, {Format.Date(contract.StartOn)} to "
            + $"{Format.Date(contract.EndOn)}, {Format.Words(contract.Status).ToLowerInvariant()}) has {kpis.Count} KPIs reported here. At the latest returns "
            + $"**{red} {(red == 1 ? "is" : "are")} red** and {amber} amber; {unverified} of {latest.Count} latest returns are not yet verified by the council.";
    }

    public static IEnumerable<Block> Assessment(ContractData contract, AssessmentData assessment)
    {
        yield return new FieldList([
            ("Contract", $"{contract.Reference}: {contract.Title}"),
            ("Supplier", contract.Supplier),
            ("Assessment year", $"{assessment.Year}"),
            ("Rating (UK9)", $"**{Format.Words(assessment.Rating)}** (thresholds are council policy)"),
            ("Average score", $"{Format.Percent(assessment.AverageScore)} over {assessment.PeriodsAssessed} of {assessment.PeriodsInYear} periods"),
            ("Red periods", $"{assessment.RedPeriods}"),
            ("Returns not made", $"{assessment.NotReportedReturns}"),
        ]);
        yield return new Paragraph($"Basis of the rating: {assessment.Basis}");
        yield return new Paragraph($"Council policy: {assessment.Policy}");
        yield return new Paragraph("The annual assessment is published in a contract performance notice (UK9) under section 71 of the Procurement Act 2023 whatever the rating.");
        if (assessment.Kpis.Count > 0)
        {
            yield return new Table(
                [new("KPI", 1.05f), new("Indicator", 2.7f), new("Rating", 1.3f), new("Score", 0.8f, CellAlign.Right), new("Red", 0.6f, CellAlign.Right), new("Not made", 0.8f, CellAlign.Right)],
                [.. assessment.Kpis.Select(k => TableRow.Of(k.Code, k.Name, Format.Words(k.Rating), Format.Percent(k.AverageScore), $"{k.RedPeriods}", $"{k.NotReported}"))],
                $"Each KPI's rating, {assessment.Year} (council policy)");
        }

        yield return new BarChart(
            $"Monthly performance score, {assessment.Year}",
            [.. assessment.Periods.Select(p => Format.Month(p.Period))],
            [new ChartSeries("Score (%)", [.. assessment.Periods.Select(p => (double?)(double)(p.Score * 100))])],
            "%",
            170);
        yield return new Table(
            [new("Period", 1.2f), new("Score", 1, CellAlign.Right), new("Status", 1, CellAlign.Center), new("KPIs reported", 1, CellAlign.Right), new("Not made", 1, CellAlign.Right), new("Disputed", 1, CellAlign.Right)],
            [.. assessment.Periods.Select(p => new TableRow([Format.Month(p.Period), Format.Percent(p.Score), new TableCell(p.Rag.ToString(), p.Rag), $"{p.KpisReported}", $"{p.NotReported}", $"{p.Disputed}"]))],
            $"Monthly ratings of contract {contract.Reference}, {assessment.Year}");
    }
}
