using Governance.Domain.Calendar;
using Governance.Domain.Tendering;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rules <c>notice-sent-once</c>, <c>reg30-participation-period</c>, <c>requests-still-open</c>: the notice date is the server's, and the clocks read it.</summary>
public sealed class ContractNoticeRulesTests
{
    private static Procurement Dialogue(DateOnly? deadline = null) =>
        new() { Reference = "CD-1", Procedure = ProcurementProcedure.CompetitiveDialogue, ParticipationDeadline = deadline, Stage = ProcurementStage.Planning };

    [Fact]
    public void SendContractNotice_StampsTodayAndTheThirtiethDay()
    {
        var procurement = Dialogue();
        procurement.SendContractNotice(Utc(2024, 6, 3), WorkingDays.EnglandAndWales);
        Assert.Equal(new DateOnly(2024, 6, 3), procurement.ContractNoticeSentOn);
        Assert.Equal(new DateOnly(2024, 7, 3), procurement.ParticipationDeadline);
    }

    [Fact]
    public void SendContractNotice_ClosingDayNotAWorkingDay_RollsToTheNextWorkingDay()
    {
        // Sent Thu 25 Apr 2024: day 30 is Sat 25 May; Mon 27 May is the spring bank holiday; requests close on Tue 28 May.
        var procurement = Dialogue();
        procurement.SendContractNotice(Utc(2024, 4, 25), WorkingDays.EnglandAndWales);
        Assert.Equal(new DateOnly(2024, 5, 28), procurement.ParticipationDeadline);
    }

    [Fact]
    public void SendContractNotice_PlannedClosingDayUnderThirtyDays_BreaksReg30()
    {
        var refused = Broken("reg30-participation-period", () => Dialogue(new DateOnly(2024, 7, 2)).SendContractNotice(Utc(2024, 6, 3), WorkingDays.EnglandAndWales));
        Assert.Contains("3 July 2024", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SendContractNotice_Twice_BreaksNoticeSentOnce()
    {
        var procurement = Dialogue();
        procurement.SendContractNotice(Utc(2024, 6, 3), WorkingDays.EnglandAndWales);
        Broken("notice-sent-once", () => procurement.SendContractNotice(Utc(2024, 6, 10), WorkingDays.EnglandAndWales));
    }

    [Theory]
    [InlineData(2024, 6, 20, 9)] // before day 30
    [InlineData(2024, 7, 3, 22)] // the closing day itself, 11 pm in London
    public void CheckRequestsClosed_WhileRequestsAreOpen_BreaksRequestsStillOpen(int year, int month, int day, int hour)
    {
        var procurement = Dialogue();
        procurement.SendContractNotice(Utc(2024, 6, 3), WorkingDays.EnglandAndWales);
        Broken("requests-still-open", () => procurement.CheckRequestsClosed(Utc(year, month, day, hour)));
    }

    [Fact]
    public void CheckRequestsClosed_DayAfterTheClosingDay_Holds()
    {
        var procurement = Dialogue();
        procurement.SendContractNotice(Utc(2024, 6, 3), WorkingDays.EnglandAndWales);
        procurement.CheckRequestsClosed(Utc(2024, 7, 4));
        Broken("requests-still-open", () => Dialogue().CheckRequestsClosed(Utc(2024, 7, 4))); // no notice sent at all
    }
}
