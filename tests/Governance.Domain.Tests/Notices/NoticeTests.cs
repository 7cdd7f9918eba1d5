using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Notices;

namespace Governance.Domain.Tests.Notices;

public sealed class NoticeTests
{
    private static readonly StatutoryClocks Clocks = StatutoryClocks.EnglandAndWales;

    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    private static Notice Raised(NoticeType type = NoticeType.UK7, string on = "2027-09-01") =>
        Notice.Raise(type, 1, NoticeDeadlines.IsAboutContract(type) ? 2 : null, "FLT-1 Waste fleet", "The contract was entered into.", D(on), $"test:{type}", Clocks);

    [Theory]
    [InlineData(NoticeType.UK7, "2027-09-01", "2027-09-30")] // s.53: 30 days beginning with the day entered
    [InlineData(NoticeType.UK9, "2027-09-01", "2027-09-30")] // s.71: 30 days beginning with the assessment
    [InlineData(NoticeType.UK11, "2027-09-01", "2027-09-30")] // s.80
    [InlineData(NoticeType.UK17, "2027-09-30", "2027-10-29")] // s.69: from the period's last day
    [InlineData(NoticeType.PcrContractAwardNotice, "2015-06-01", "2015-07-01")] // reg 50: not later than 30 days after
    [InlineData(NoticeType.UK4, "2027-03-01", "2027-03-01")]
    [InlineData(NoticeType.UK6, "2027-07-09", "2027-07-09")]
    [InlineData(NoticeType.UK10, "2027-07-09", "2027-07-09")]
    public void Deadlines_FollowTheirProvisions(NoticeType type, string triggered, string due) =>
        Assert.Equal(D(due), NoticeDeadlines.For(type, D(triggered), Clocks).DueOn);

    [Fact]
    public void ProcurementTermination_FiveUkWorkingDays_SkipsANorthernIrishHoliday()
    {
        // Friday 9 July 2027; Monday 12 July is the Boyne holiday in Northern Ireland (s.123 counts UK-wide holidays): 13, 14, 15, 16, 19 July.
        var (due, rule) = NoticeDeadlines.For(NoticeType.UK12, D("2027-07-09"), Clocks);
        Assert.Equal(D("2027-07-19"), due);
        Assert.Contains("policy", rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-10-01", "2027-04-01", "2027-09-30")]
    [InlineData("2027-04-15", "2026-10-01", "2027-03-31")]
    [InlineData("2027-01-10", "2026-04-01", "2026-09-30")]
    public void PaymentsReportingPeriods_EndOn31MarchAnd30September(string today, string first, string last) =>
        Assert.Equal((D(first), D(last)), NoticeDeadlines.LastPaymentsPeriodBefore(D(today)));

    [Fact]
    public void Raise_AContractNoticeWithoutItsContract_IsRefused()
    {
        var error = Assert.Throws<BusinessRuleException>(() => Notice.Raise(NoticeType.UK9, 1, null, "x", "Assessed.", D("2027-01-01"), "k", Clocks));
        Assert.Equal("notice-subject", error.Rule);
        Assert.True(error.IsInvalidInput);
    }

    [Theory]
    [InlineData("2025-02-23", false)]
    [InlineData("2025-02-24", true)]
    public void TheAct_GovernsWhatStartsOnOrAfter24February2025(string started, bool act) =>
        Assert.Equal(act, Governance.Domain.Tendering.ProcurementLaw.IsProcurementAct(D(started)));

    [Fact]
    public void CheckRegime_AnActNoticeForAPcrProcurement_AndAPcrNoticeUnderTheAct_AreRefused()
    {
        Assert.Equal("notice-regime", Assert.Throws<BusinessRuleException>(() => Notice.CheckRegime(NoticeType.UK10, underProcurementAct: false)).Rule);
        Assert.Equal("notice-regime", Assert.Throws<BusinessRuleException>(() => Notice.CheckRegime(NoticeType.PcrContractAwardNotice, underProcurementAct: true)).Rule);
        Notice.CheckRegime(NoticeType.UK10, underProcurementAct: true);
    }

    [Fact]
    public void Publish_FixesTheDraftedContent_AsVersionOne_AndADraftAfterwardsIsRefused()
    {
        var notice = Raised();
        notice.Draft("{\"value\":1}", new DateTime(2027, 9, 2, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal(NoticeStatus.Drafted, notice.Status);

        var version = notice.Publish(" FTS-2027-000123 ", "{\"value\":2}", "lead@council", new DateTime(2027, 9, 3, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal((1, "{\"value\":1}", "FTS-2027-000123", false), (version.Version, version.Content, version.ExternalReference, version.Late));
        Assert.Equal(64, version.ContentSha256.Length);
        Assert.Equal(NoticeStatus.Published, notice.Status);
        Assert.Equal("notice-published", Assert.Throws<BusinessRuleException>(() => notice.Draft("{}", DateTime.UtcNow)).Rule);
        Assert.Equal("notice-published", Assert.Throws<BusinessRuleException>(() => notice.Publish("X", "{}", "a", DateTime.UtcNow)).Rule);
    }

    [Fact]
    public void Publish_WithoutTheplatformsReference_IsRefused()
    {
        var error = Assert.Throws<BusinessRuleException>(() => Raised().Publish(" ", "{}", "a", DateTime.UtcNow));
        Assert.Equal("notice-external-reference", error.Rule);
    }

    [Fact]
    public void Correct_NeedsAReason_AndAddsAVersionWithTheDataNow()
    {
        var notice = Raised();
        notice.Publish("FTS-1", "{\"v\":1}", "a", new DateTime(2027, 9, 3, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal("notice-correction-reason", Assert.Throws<BusinessRuleException>(() => notice.Correct(" ", "FTS-2", "{}", "a", DateTime.UtcNow)).Rule);

        var corrected = notice.Correct("The value omitted VAT.", "FTS-2", "{\"v\":2}", "a", new DateTime(2027, 10, 5, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal((2, "{\"v\":2}", "The value omitted VAT.", true), (corrected.Version, corrected.Content, corrected.Reason, corrected.Late));
        Assert.Equal(2, notice.Version);
    }

    [Fact]
    public void Correct_BeforePublication_IsRefused() =>
        Assert.Equal("notice-not-published", Assert.Throws<BusinessRuleException>(() => Raised().Correct("r", "X", "{}", "a", DateTime.UtcNow)).Rule);

    [Fact]
    public void MarkOverdueIfLate_FromTheDayAfterTheDeadline_Once_AndNeverOncePublished()
    {
        var notice = Raised(); // due 30 September 2027
        Assert.True(notice.NeedsReminder(D("2027-09-23")));
        Assert.False(notice.NeedsReminder(D("2027-09-22")));
        Assert.False(notice.MarkOverdueIfLate(D("2027-09-30")));
        Assert.True(notice.MarkOverdueIfLate(D("2027-10-01")));
        Assert.False(notice.MarkOverdueIfLate(D("2027-10-02")));
        Assert.Equal(NoticeStatus.Overdue, notice.Status);

        var published = Raised();
        published.Publish("FTS-1", "{}", "a", DateTime.UtcNow);
        Assert.False(published.MarkOverdueIfLate(D("2028-01-01")));
    }
}
