using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;

namespace Governance.Domain.Tests.Scrutiny;

/// <summary>The call-in window: five working days from publication; a called-in decision is held until considered.</summary>
public sealed class DecisionCallInTests
{
    private static readonly DateOnly Friday = new(2026, 12, 18);

    private static Decision Published()
    {
        var decision = new Decision { Outcome = "Close the depot." };
        decision.Publish(Friday, WorkingDays.EnglandAndWales);
        return decision;
    }

    [Fact]
    public void Publish_OpensAFiveWorkingDayWindow_OverTheChristmasBankHolidays()
    {
        var decision = Published();

        Assert.Equal(Friday, decision.PublishedOn);
        Assert.Equal(new DateOnly(2026, 12, 29), decision.CallInEndsOn); // Mon 21 to Thu 24, then Tue 29 (25, 28 bank holidays)
        Assert.False(decision.CanBeImplemented(new DateOnly(2026, 12, 29)));
        Assert.True(decision.CanBeImplemented(new DateOnly(2026, 12, 30)));
        Assert.StartsWith("Open to call-in until 29 December 2026", decision.CallInStatus(Friday), StringComparison.Ordinal);
    }

    [Fact]
    public void CallInBy_AfterTheWindow_IsRefused_AndWithinIt_HoldsTheDecisionUntilConsidered()
    {
        var late = Published();
        var refused = Assert.Throws<BusinessRuleException>(() => late.CallInBy("Cllr Ahmed", "Not consulted.", DateTime.UtcNow, new DateOnly(2026, 12, 30)));
        Assert.Equal("call-in-window-closed", refused.Rule);

        var decision = Published();
        decision.CallInBy("Cllr Ahmed", "Not consulted.", new DateTime(2026, 12, 22, 10, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 12, 22));
        Assert.False(decision.CanBeImplemented(new DateOnly(2027, 1, 20)));
        Assert.Contains("held until", decision.CallInStatus(new DateOnly(2027, 1, 20)), StringComparison.Ordinal);
        Assert.Equal("call-in-already", Assert.Throws<BusinessRuleException>(() => decision.CallInBy("Cllr Brown", "Also.", DateTime.UtcNow, new DateOnly(2026, 12, 23))).Rule);

        decision.ConsiderCallIn(referBack: false, "The committee lets the decision stand.", new DateOnly(2027, 1, 12));
        Assert.True(decision.CanBeImplemented(new DateOnly(2027, 1, 12)));
        Assert.Equal("call-in-not-pending", Assert.Throws<BusinessRuleException>(() => decision.ConsiderCallIn(true, "Again.", new DateOnly(2027, 1, 13))).Rule);
    }
}
