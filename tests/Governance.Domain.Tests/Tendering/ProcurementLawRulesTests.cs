using Governance.Domain.Tendering;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rules <c>pa2023-applies</c> and <c>procurement-closed</c>.</summary>
public sealed class ProcurementLawRulesTests
{
    [Fact]
    public void CheckProcedureApplies_PcrDialogueStartedFrom24February2025_BreaksPa2023Applies()
    {
        Procurement.CheckProcedureApplies(ProcurementProcedure.CompetitiveDialogue, new DateOnly(2025, 2, 23));
        Broken("pa2023-applies", () => Procurement.CheckProcedureApplies(ProcurementProcedure.CompetitiveDialogue, new DateOnly(2025, 2, 24)));
        Procurement.CheckProcedureApplies(ProcurementProcedure.CompetitiveFlexible, new DateOnly(2026, 12, 3));
    }

    [Theory]
    [InlineData(ProcurementStage.Cancelled)]
    [InlineData(ProcurementStage.ContractSigned)]
    public void CheckOpenForChange_ClosedProcurement_BreaksProcurementClosed(ProcurementStage stage)
    {
        Broken("procurement-closed", () => new Procurement { Stage = stage }.CheckOpenForChange());
        new Procurement { Stage = ProcurementStage.FinalTenders }.CheckOpenForChange();
    }
}
