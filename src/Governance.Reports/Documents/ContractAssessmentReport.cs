using Governance.Reports.Layout;

namespace Governance.Reports.Documents;

/// <summary>The annual contract assessment with its UK9 rating, as a standalone appendix.</summary>
public static class ContractAssessmentReport
{
    public static ReportDocument Build(ContractData contract, DateTimeOffset created)
    {
        var assessment = contract.Assessment ?? throw new InvalidOperationException($"Contract {contract.Reference} has no assessment to print.");
        var info = new DocumentInfo(
            $"Annual contract assessment {assessment.Year}: {contract.Reference}",
            "Contract management",
            $"{contract.Title} ({contract.Supplier})",
            "Public",
            created,
            "contract performance notice UK9");
        var blocks = new List<Block> { new Heading(1, $"Annual contract assessment {assessment.Year}: {contract.Title}") };
        blocks.AddRange(ContractBlocks.Assessment(contract, assessment));
        if (contract.Kpis.Count > 0)
        {
            blocks.Add(new Heading(1, "KPIs behind the rating"));
            blocks.Add(ContractBlocks.KpiTable(contract, contract.Kpis));
        }
        return new ReportDocument(info, blocks);
    }
}
