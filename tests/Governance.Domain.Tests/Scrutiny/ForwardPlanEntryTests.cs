using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;

namespace Governance.Domain.Tests.Scrutiny;

/// <summary>The forward plan's 28 clear days, and the two urgency routes of the 2012 Regulations with their conditions.</summary>
public sealed class ForwardPlanEntryTests
{
    private static readonly StatutoryClocks Clocks = StatutoryClocks.EnglandAndWales;
    private static readonly DateTime Monday1March2027 = new(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static ForwardPlanEntry KeyDecisionOn(DateOnly decision) => new() { Title = "Award", CommitteeId = 1, DecisionDate = decision, KeyDecision = true };

    [Fact]
    public void Publish_StampsToday_AndTwentyEightClearDaysNeedNoRoute()
    {
        var entry = KeyDecisionOn(new DateOnly(2027, 3, 30));
        entry.Publish(Monday1March2027, Clocks);
        Assert.Equal(new DateOnly(2027, 3, 1), entry.PublishedOn);
        Assert.True(entry.NoticeGiven);
    }

    [Fact]
    public void WithoutTheNotice_NoRoute_IsRefused()
    {
        var entry = KeyDecisionOn(new DateOnly(2027, 3, 15));
        Assert.Equal("forward-plan-28-clear-days", Assert.Throws<BusinessRuleException>(() => entry.Publish(Monday1March2027, Clocks)).Rule);
    }

    [Fact]
    public void GeneralException_NeedsTheChairToldAndTheNotice_FiveClearDaysBeforeTheDecision()
    {
        var entry = KeyDecisionOn(new DateOnly(2027, 3, 5)); // Friday: only three clear working days after Monday
        entry.UrgencyRoute = UrgencyRoute.GeneralException;
        (entry.ScrutinyChair, entry.ScrutinyChairInformedOn, entry.UrgencyNoticePublishedOn) = ("Cllr Helen Marsh", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 1));
        Assert.Equal("forward-plan-general-exception", Assert.Throws<BusinessRuleException>(() => entry.Publish(Monday1March2027, Clocks)).Rule);

        entry.DecisionDate = new DateOnly(2027, 3, 9); // Tuesday week: 2, 3, 4, 5 and 8 March are five clear working days
        entry.Publish(Monday1March2027, Clocks);
        Assert.False(entry.NoticeGiven);
    }

    [Fact]
    public void SpecialUrgency_NeedsTheChairsAgreementBeforeTheDecision_AndTheReasonsPublished()
    {
        var entry = KeyDecisionOn(new DateOnly(2027, 3, 2));
        entry.UrgencyRoute = UrgencyRoute.SpecialUrgency;
        (entry.ScrutinyChair, entry.ScrutinyChairAgreedOn, entry.UrgencyNoticePublishedOn) = ("Cllr Helen Marsh", new DateOnly(2027, 3, 3), new DateOnly(2027, 3, 1));
        entry.UrgencyReason = "Grant funding lapses on 3 March.";
        Assert.Equal("forward-plan-special-urgency", Assert.Throws<BusinessRuleException>(() => entry.Publish(Monday1March2027, Clocks)).Rule); // agreed after the decision

        entry.ScrutinyChairAgreedOn = new DateOnly(2027, 3, 1);
        entry.Publish(Monday1March2027, Clocks);
        Assert.False(entry.NoticeGiven);
    }
}
