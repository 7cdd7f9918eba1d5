using Governance.Domain.Calendar;
using Governance.Domain.Tendering;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rules <c>reg65-minimum-candidates</c> and <c>selection-closed</c> of <see cref="Procurement.Shortlist"/>.</summary>
public sealed class ShortlistRulesTests
{
    private static (Procurement Procurement, Bidder[] Candidates) AtSelection()
    {
        var procurement = new Procurement { Procedure = ProcurementProcedure.CompetitiveDialogue, Stage = ProcurementStage.SelectionQuestionnaire };
        procurement.SendContractNotice(Utc(2024, 6, 3), WorkingDays.EnglandAndWales);
        return (procurement, [.. Enumerable.Range(1, 4).Select(i => new Bidder { Id = i, Status = BidderStatus.RequestedToParticipate })]);
    }

    [Fact]
    public void Shortlist_FewerThanThreeWithoutAReason_BreaksReg65()
    {
        var (procurement, candidates) = AtSelection();
        Broken("reg65-minimum-candidates", () => procurement.Shortlist(candidates, new HashSet<int> { 1, 2 }, null, Utc(2024, 7, 4)));
        procurement.Shortlist(candidates, new HashSet<int> { 1, 2 }, "Only two candidates met the minimum standards.", Utc(2024, 7, 4));
        Assert.Equal("Only two candidates met the minimum standards.", procurement.ShortlistReason);
        Assert.Equal([BidderStatus.Shortlisted, BidderStatus.Shortlisted, BidderStatus.Unsuccessful, BidderStatus.Unsuccessful], candidates.Select(c => c.Status));
    }

    [Fact]
    public void Shortlist_ThreeOrMore_KeepsNoReason_AndOnlyAtSelection()
    {
        var (procurement, candidates) = AtSelection();
        procurement.Shortlist(candidates, new HashSet<int> { 1, 2, 3 }, "not needed", Utc(2024, 7, 4));
        Assert.Null(procurement.ShortlistReason);
        procurement.Stage = ProcurementStage.OutlineSolutions;
        Broken("selection-closed", () => procurement.Shortlist(candidates, new HashSet<int> { 1, 2, 3 }, null, Utc(2024, 7, 5)));
    }
}
