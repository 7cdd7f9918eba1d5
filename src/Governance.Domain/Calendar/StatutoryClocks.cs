namespace Governance.Domain.Calendar;

/// <summary>
/// The statutory time limits of DOMAIN.md. Day counts are in Europe/London dates; instants are UTC. Each method
/// cites the provision whose wording it follows.
/// </summary>
public sealed class StatutoryClocks(WorkingDays days, WorkingDays procurementActDays)
{
    public static StatutoryClocks EnglandAndWales { get; } = new(WorkingDays.EnglandAndWales, WorkingDays.UnitedKingdom);

    /// <summary>Working days in England and Wales: the councils' clocks and PCR 2015.</summary>
    public WorkingDays Days => days;

    /// <summary>Working days as the Procurement Act 2023 defines them (s.123): bank holidays anywhere in the UK excluded.</summary>
    public WorkingDays ProcurementActDays => procurementActDays;

    /// <summary>
    /// PCR 2015 reg 87: standstill ends at midnight at the end of the 10th calendar day after the day the award
    /// decision notice is sent electronically (15th by other means); if that day is not a working day, at the end
    /// of the next working day.
    /// </summary>
    public DateTime Reg87StandstillEnds(DateTime noticeSentUtc, bool sentElectronically = true)
    {
        var lastDay = LondonTime.DateOf(noticeSentUtc).AddDays(sentElectronically ? 10 : 15);
        return LondonTime.EndOfDayUtc(days.OnOrNextWorkingDay(lastDay));
    }

    /// <summary>
    /// Procurement Act 2023 s.51: a standstill period of eight working days beginning with the day on which the
    /// contract award notice is published, working days as s.123 defines them (a bank holiday in any part of the
    /// UK excluded). Published on a working day, that day is the first; otherwise the next working day is. It ends
    /// at the end of the eighth.
    /// </summary>
    public DateTime Pa2023StandstillEnds(DateTime awardNoticePublishedUtc)
    {
        var first = procurementActDays.OnOrNextWorkingDay(LondonTime.DateOf(awardNoticePublishedUtc));
        return LondonTime.EndOfDayUtc(procurementActDays.AddWorkingDays(first, 7));
    }

    /// <summary>PCR 2015 reg 30(2): requests to participate are due no sooner than 30 days from the date the contract notice is sent.</summary>
    public static DateOnly Reg30EarliestParticipationDeadline(DateOnly contractNoticeSent) => contractNoticeSent.AddDays(30);

    /// <summary>
    /// Procurement Act 2023 s.54: the minimum tendering period is 25 days beginning with the day after the tender
    /// notice is published (10 days where a qualifying planned procurement notice was published); the earliest
    /// deadline is the last day of that period.
    /// </summary>
    public static DateOnly Pa2023EarliestTenderDeadline(DateOnly tenderNoticePublished, bool qualifyingPlannedProcurementNotice = false) =>
        tenderNoticePublished.AddDays(qualifyingPlannedProcurementNotice ? 10 : 25);

    /// <summary>
    /// Local Government Act 1972 s.100B(3): papers open to inspection at least five clear days before the meeting.
    /// Councils count clear days as working days, excluding the day of publication and the day of the meeting.
    /// Returns the last working day on which the papers can still be published.
    /// </summary>
    public DateOnly LatestAgendaPublication(DateOnly meeting) =>
        days.OnOrPreviousWorkingDay(days.SubtractWorkingDays(meeting, 5).AddDays(-1));

    /// <summary>Whether papers published on a date give the five clear working days s.100B requires.</summary>
    public bool MeetsAgendaNotice(DateOnly published, DateOnly meeting) => days.ClearWorkingDaysBetween(published, meeting) >= 5;

    /// <summary>
    /// Forward plan (Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England)
    /// Regulations 2012 regs 5 and 9): 28 clear days' notice of a key decision or of a private item. These clear
    /// days are calendar days, the day of notice and the day of decision excluded.
    /// </summary>
    public static DateOnly LatestForwardPlanNotice(DateOnly decision) => decision.AddDays(-29);

    /// <summary>PCR 2015 reg 50: the contract award notice is sent not later than 30 days after the award.</summary>
    public static DateOnly Reg50AwardNoticeDue(DateOnly awarded) => awarded.AddDays(30);

    /// <summary>Procurement Act 2023 s.53: the contract details notice within 30 days beginning with the day the contract is entered into.</summary>
    public static DateOnly Pa2023ContractDetailsNoticeDue(DateOnly entered) => entered.AddDays(29);

    /// <summary>Procurement Act 2023 s.71: the contract performance notice within 30 days beginning with the day of the assessment.</summary>
    public static DateOnly Pa2023PerformanceNoticeDue(DateOnly assessed) => assessed.AddDays(29);
}
