using Governance.Domain.Tendering;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rules <c>standstill-not-running</c> and <c>standstill-not-suspended</c>: a challenge suspends standstill, resolving it resumes what was left.</summary>
public sealed class StandstillRulesTests
{
    [Fact]
    public void ResumeStandstill_AfterAChallenge_KeepsTheTimeThatWasLeft()
    {
        var procurement = new Procurement();
        procurement.BeginStandstill(Utc(2024, 9, 30, 23));
        procurement.SuspendStandstill(Utc(2024, 9, 23, 9)); // 7 days 14 hours left
        Assert.Equal(Utc(2024, 10, 9, 23), procurement.StandstillEndIfResumedAt(Utc(2024, 10, 2, 9)));
        Assert.Equal(Utc(2024, 10, 9, 23), procurement.ResumeStandstill(Utc(2024, 10, 2, 9)));
        Assert.Null(procurement.StandstillSuspendedAt);
    }

    [Fact]
    public void SuspendStandstill_NotRunningOrAlreadySuspendedOrEnded_BreaksStandstillNotRunning()
    {
        Broken("standstill-not-running", () => new Procurement().SuspendStandstill(Utc(2024, 9, 23)));
        var procurement = new Procurement();
        procurement.BeginStandstill(Utc(2024, 9, 30, 23));
        Broken("standstill-not-running", () => procurement.SuspendStandstill(Utc(2024, 10, 1)));
        procurement.SuspendStandstill(Utc(2024, 9, 23));
        Broken("standstill-not-running", () => procurement.SuspendStandstill(Utc(2024, 9, 24)));
    }

    [Fact]
    public void ResumeStandstill_NotSuspended_BreaksStandstillNotSuspended()
    {
        var procurement = new Procurement();
        procurement.BeginStandstill(Utc(2024, 9, 30, 23));
        Broken("standstill-not-suspended", () => procurement.ResumeStandstill(Utc(2024, 9, 25)));
    }

    [Fact]
    public void AbandonStandstill_OnlyWhenSuspended_ClearsItForANewDecision()
    {
        var procurement = new Procurement();
        procurement.BeginStandstill(Utc(2024, 9, 30, 23));
        Broken("standstill-not-suspended", procurement.AbandonStandstill);
        procurement.SuspendStandstill(Utc(2024, 9, 23));
        procurement.AbandonStandstill();
        Assert.Null(procurement.StandstillEndsAt);
        Assert.Null(procurement.StandstillSuspendedAt);
    }
}
