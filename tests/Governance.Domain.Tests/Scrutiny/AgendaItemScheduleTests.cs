using Governance.Domain.Calendar;
using Governance.Domain.Scrutiny;

namespace Governance.Domain.Tests.Scrutiny;

/// <summary>An agenda item's paper deadline follows its meeting: moved meeting, new deadline, lateness judged again.</summary>
public sealed class AgendaItemScheduleTests
{
    private static readonly StatutoryClocks Clocks = StatutoryClocks.EnglandAndWales;

    [Fact]
    public void ScheduleFor_AMovedMeeting_GivesTheNewDeadline_AndJudgesAPublishedPaperAgain()
    {
        var item = new AgendaItem { Title = "Contact centre performance" };
        item.ScheduleFor(new DateOnly(2027, 3, 16), Clocks); // Tuesday 16 March 2027
        Assert.Equal(new DateOnly(2027, 3, 8), item.PublicationDeadline); // five clear working days: out by Monday 8th

        item.MarkPaperPublished(new DateTime(2027, 3, 5, 12, 0, 0, DateTimeKind.Utc));
        Assert.False(item.PublishedLate);

        // Brought forward a week: the paper that went out on the 5th is now late, and the deadline is the 1st.
        item.ScheduleFor(new DateOnly(2027, 3, 9), Clocks);
        Assert.Equal(new DateOnly(2027, 3, 1), item.PublicationDeadline);
        Assert.True(item.PublishedLate);
    }
}
