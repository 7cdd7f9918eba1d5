using System.Globalization;
using Governance.Domain.Calendar;

namespace Governance.Domain.Tests.Calendar;

/// <summary>Hand-worked dates: each row's comment shows the counting.</summary>
public sealed class StatutoryClocksTests
{
    private static readonly StatutoryClocks Clocks = StatutoryClocks.EnglandAndWales;

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime Utc(string instant) => DateTime.SpecifyKind(DateTime.Parse(instant, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    // Sent Mon 2 Mar 2026 (GMT): day 10 is Thu 12 Mar, a working day; ends midnight GMT = 00:00Z on the 13th.
    [InlineData("2026-03-02T10:00:00", true, "2026-03-13T00:00:00")]
    // Sent Fri 20 Mar 2026: day 10 is Mon 30 Mar; clocks went forward on Sun 29 Mar, so midnight BST is 23:00Z on the 30th.
    [InlineData("2026-03-20T09:00:00", true, "2026-03-30T23:00:00")]
    // Sent Thu 16 Dec 2021: day 10 is Sun 26 Dec; Mon 27 and Tue 28 are substitute bank holidays; ends end of Wed 29 Dec.
    [InlineData("2021-12-16T12:00:00", true, "2021-12-30T00:00:00")]
    // Sent Wed 9 Apr 2025 (BST): day 10 is Sat 19 Apr; Easter Monday is 21 Apr; ends end of Tue 22 Apr = 23:00Z.
    [InlineData("2025-04-09T08:00:00", true, "2025-04-22T23:00:00")]
    // Sent by post on Mon 2 Nov 2026: day 15 is Tue 17 Nov; ends 00:00Z on the 18th.
    [InlineData("2026-11-02T10:00:00", false, "2026-11-18T00:00:00")]
    // Sent at 23:30Z on Sat 31 Oct 2026 is still 31 Oct in London (GMT): day 10 is Tue 10 Nov.
    [InlineData("2026-10-31T23:30:00", true, "2026-11-11T00:00:00")]
    // Sent at 23:30Z on Tue 30 Jun 2026 is already 1 Jul in London (BST): day 10 is Sat 11 Jul -> Mon 13 Jul, ends 23:00Z.
    [InlineData("2026-06-30T23:30:00", true, "2026-07-13T23:00:00")]
    public void Reg87Standstill_EndsAtTheHandWorkedInstant(string sent, bool electronic, string expectedEnd) =>
        Assert.Equal(Utc(expectedEnd), Clocks.Reg87StandstillEnds(Utc(sent), electronic));

    [Theory]
    // s.51: eight working days beginning with the day of publication; s.123: a bank holiday anywhere in the UK is not one.
    // Published Mon 2 Mar 2026: 2,3,4,5,6,9,10,11 Mar; ends end of Wed 11 Mar.
    [InlineData("2026-03-02T10:00:00", "2026-03-12T00:00:00")]
    // Published Sat 28 Feb 2026: the period begins that day, but its first working day is Mon 2 Mar; same end.
    [InlineData("2026-02-28T10:00:00", "2026-03-12T00:00:00")]
    // Published Thu 17 Dec 2026: 17,18,21,22,23,24, (25 Fri, 28 Mon substitute for Boxing Day), 29,30 Dec; ends end of Wed 30 Dec.
    [InlineData("2026-12-17T10:00:00", "2026-12-31T00:00:00")]
    // Published Tue 31 Mar 2026: 31 Mar, 1,2, (Good Friday 3, Easter Monday 6 outside Scotland), 7,8,9,10,13 Apr; ends end of Mon 13 Apr (BST).
    [InlineData("2026-03-31T10:00:00", "2026-04-13T23:00:00")]
    // Published Fri 27 Nov 2026: St Andrew's Day, Mon 30 Nov, is a Scottish bank holiday: 27, 1,2,3,4,7,8,9 Dec; ends end of Wed 9 Dec.
    [InlineData("2026-11-27T10:00:00", "2026-12-10T00:00:00")]
    // Published Fri 10 Jul 2026: the Battle of the Boyne falls on Sun 12 Jul, so Mon 13 Jul is Northern Ireland's substitute:
    // 10, 14,15,16,17,20,21,22 Jul; ends end of Wed 22 Jul (BST).
    [InlineData("2026-07-10T10:00:00", "2026-07-22T23:00:00")]
    public void Pa2023Standstill_IsEightWorkingDays(string published, string expectedEnd) =>
        Assert.Equal(Utc(expectedEnd), Clocks.Pa2023StandstillEnds(Utc(published)));

    [Theory]
    // Meeting Tue 7 Oct 2014 (the seed's commission): clear days Tue 30 Sep to Mon 6 Oct; publish by Mon 29 Sep.
    [InlineData("2014-10-07", "2014-09-29")]
    // Meeting Wed 6 Jan 2027: back from it 5 Jan, 4 Jan, 31, 30, 29 Dec (1 Jan is a holiday); the day before, Mon 28 Dec, is
    // the Boxing Day substitute and 25 Dec is Christmas, so the last working day to publish is Thu 24 Dec.
    [InlineData("2027-01-06", "2026-12-24")]
    // Meeting Tue 14 Apr 2026: 13, 10, 9, 8, 7 Apr (Easter Monday 6 Apr excluded); day before is Mon 6 Apr, a holiday, so Thu 2 Apr.
    [InlineData("2026-04-14", "2026-04-02")]
    // Meeting Mon 30 Nov 2026: 27, 26, 25, 24, 23 Nov; the day before is Sun 22 Nov, so the last working day is Fri 20 Nov.
    [InlineData("2026-11-30", "2026-11-20")]
    public void LatestAgendaPublication_LeavesFiveClearWorkingDays(string meeting, string latest)
    {
        var published = Clocks.LatestAgendaPublication(D(meeting));
        Assert.Equal(D(latest), published);
        Assert.True(Clocks.MeetsAgendaNotice(published, D(meeting)));
        Assert.False(Clocks.MeetsAgendaNotice(Clocks.Days.AddWorkingDays(published, 1), D(meeting)));
    }

    [Theory]
    [InlineData("2013-11-18", "2013-12-18")] // the seed procurement's contract notice
    [InlineData("2024-02-29", "2024-03-30")] // across a leap day
    public void Reg30_ParticipationPeriodIsThirtyDays(string sent, string earliest) =>
        Assert.Equal(D(earliest), StatutoryClocks.Reg30EarliestParticipationDeadline(D(sent)));

    [Theory]
    [InlineData("2025-03-03", false, "2025-03-28")]
    [InlineData("2025-03-03", true, "2025-03-13")]
    public void Pa2023TenderingPeriod_Is25DaysOr10(string published, bool planned, string earliest) =>
        Assert.Equal(D(earliest), StatutoryClocks.Pa2023EarliestTenderDeadline(D(published), planned));

    [Theory]
    [InlineData("2026-03-31", "2026-03-02")] // 28 clear days: 3 Mar to 30 Mar
    [InlineData("2026-01-05", "2025-12-07")]
    public void ForwardPlan_Gives28ClearDays(string decision, string latestNotice)
    {
        Assert.Equal(D(latestNotice), StatutoryClocks.LatestForwardPlanNotice(D(decision)));
        Assert.Equal(28, D(decision).DayNumber - D(latestNotice).DayNumber - 1);
    }

    [Theory]
    [InlineData("2026-01-31", "2026-03-02", "2026-03-01", "2026-03-01")]
    public void NoticeDeadlines_FollowTheirWording(string day, string reg50, string s53, string s71)
    {
        Assert.Equal(D(reg50), StatutoryClocks.Reg50AwardNoticeDue(D(day)));
        Assert.Equal(D(s53), StatutoryClocks.Pa2023ContractDetailsNoticeDue(D(day)));
        Assert.Equal(D(s71), StatutoryClocks.Pa2023PerformanceNoticeDue(D(day)));
    }
}
