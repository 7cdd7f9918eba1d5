using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rules <c>timetable-order</c> and <c>dialogue-session-date</c>: dates in an order that could happen.</summary>
public sealed class TimetableRulesTests
{
    [Fact]
    public void CheckPlannedOrder_ALaterStagePlannedFirst_BreaksTimetableOrder()
    {
        ProcurementStageDate Planned(ProcurementStage stage, int month) => new() { Stage = stage, PlannedOn = new DateOnly(2026, month, 1) };
        ProcurementStageDate.CheckPlannedOrder([Planned(ProcurementStage.OutlineSolutions, 3), Planned(ProcurementStage.DetailedSolutions, 6), new() { Stage = ProcurementStage.FinalTenders }]);
        Broken("timetable-order", () => ProcurementStageDate.CheckPlannedOrder([Planned(ProcurementStage.FinalTenders, 5), Planned(ProcurementStage.DetailedSolutions, 6)]));
    }

    [Fact]
    public void CheckHeldOn_InTheFutureOrBeforeTheStage_BreaksDialogueSessionDate()
    {
        var opened = new DateOnly(2026, 3, 2);
        var today = new DateOnly(2026, 4, 1);
        new DialogueSession { HeldOn = new DateOnly(2026, 3, 10) }.CheckHeldOn(opened, today);
        Broken("dialogue-session-date", () => new DialogueSession { HeldOn = new DateOnly(2031, 3, 10) }.CheckHeldOn(opened, today));
        Broken("dialogue-session-date", () => new DialogueSession { HeldOn = new DateOnly(2026, 2, 27) }.CheckHeldOn(opened, today));
    }
}
