using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Scrutiny;

/// <summary>
/// An item on a meeting's agenda, about a procurement, contract, escalation or options appraisal. Its paper must
/// be open to inspection five clear working days before the meeting (Local Government Act 1972 s.100B).
/// </summary>
public class AgendaItem : ArchivableEntity
{
    public int MeetingId { get; set; }

    public int Number { get; set; }

    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    /// <summary>Procurement, Contract, Escalation or OptionsAppraisal.</summary>
    [MaxLength(64)]
    public string? SubjectType { get; set; }

    public int? SubjectId { get; set; }

    [MaxLength(200)]
    public string? LeadOfficer { get; set; }

    [MaxLength(200)]
    public string? LeadMember { get; set; }

    [MaxLength(200)]
    public string? ContactOfficer { get; set; }

    /// <summary>The wards affected, e.g. "All" or "Abbey; Colliers Wood".</summary>
    [MaxLength(300)]
    public string? Wards { get; set; }

    /// <summary>What the committee is asked to do, one recommendation per line (lettered A, B ... in the paper).</summary>
    [MaxLength(4000)]
    public string? Recommendations { get; set; }

    /// <summary>The last day the paper can be published (s.100B), from the meeting date.</summary>
    [ServerManaged]
    public DateOnly PublicationDeadline { get; set; }

    /// <summary>
    /// True when the deadline was counted past the latest published bank-holiday list: by the standing rules, so a
    /// later proclamation could move it.
    /// </summary>
    [ServerManaged]
    public bool PublicationDeadlineProjected { get; set; }

    [ServerManaged]
    public DateTime? PaperPublishedAt { get; set; }

    [ServerManaged]
    public bool PublishedLate { get; set; }

    /// <summary>
    /// Fixes the paper's deadline for a meeting on <paramref name="meetingDay"/>: the last day that leaves five clear
    /// working days (s.100B). Run when the item is placed on a meeting and again whenever the meeting moves, so the
    /// deadline is never that of a date the meeting no longer has; a paper already out is judged late or not again.
    /// </summary>
    public void ScheduleFor(DateOnly meetingDay, Calendar.StatutoryClocks clocks)
    {
        PublicationDeadline = clocks.LatestAgendaPublication(meetingDay);
        PublicationDeadlineProjected = Calendar.BankHolidayRules.IsProjected(meetingDay);
        if (PaperPublishedAt is { } published)
            PublishedLate = Calendar.LondonTime.DateOf(published) > PublicationDeadline;
    }

    /// <summary>Opens the paper to inspection: the first publication is the one that counts for s.100B.</summary>
    public void MarkPaperPublished(DateTime nowUtc)
    {
        PaperPublishedAt ??= nowUtc;
        PublishedLate = Calendar.LondonTime.DateOf(PaperPublishedAt.Value) > PublicationDeadline;
    }
}

/// <summary>A decision on an agenda item, with the vote and the call-in window.</summary>
public class Decision : Entity
{
    /// <summary>Working days after publication during which non-executive members may call the decision in.</summary>
    public const int CallInWorkingDays = 5;

    public int AgendaItemId { get; set; }

    [Required, MaxLength(4000)]
    public string Outcome { get; set; } = "";

    [Range(0, 10_000)]
    public int VotesFor { get; set; }

    [Range(0, 10_000)]
    public int VotesAgainst { get; set; }

    [Range(0, 10_000)]
    public int Abstentions { get; set; }

    public DateOnly DecidedOn { get; set; }

    /// <summary>Stamped by the server when the decision is recorded: the call-in window runs from it.</summary>
    [ServerManaged]
    public DateOnly PublishedOn { get; set; }

    [ServerManaged]
    public DateOnly CallInEndsOn { get; set; }

    [ServerManaged]
    public CallInState CallIn { get; set; }

    /// <summary>The councillors who called the decision in, as they signed the request.</summary>
    [ServerManaged, MaxLength(500)]
    public string? CalledInBy { get; set; }

    [ServerManaged, MaxLength(4000)]
    public string? CallInReason { get; set; }

    [ServerManaged]
    public DateTime? CalledInAt { get; set; }

    /// <summary>What the overview and scrutiny committee resolved on the call-in, and when.</summary>
    [ServerManaged, MaxLength(4000)]
    public string? CallInMinute { get; set; }

    [ServerManaged]
    public DateOnly? CallInConsideredOn { get; set; }

    /// <summary>Records the decision as published today; the call-in window is five working days from then.</summary>
    public void Publish(DateOnly today, Calendar.WorkingDays days)
    {
        PublishedOn = today;
        CallInEndsOn = days.AddWorkingDays(today, CallInWorkingDays);
        CallIn = CallInState.NotCalledIn;
    }

    /// <summary>
    /// Non-executive councillors call the decision in within the window: it is held, not implemented, until the overview
    /// and scrutiny committee considers it.
    /// </summary>
    /// <exception cref="BusinessRuleException">call-in-window-closed, call-in-already or reason-required.</exception>
    public void CallInBy(string councillors, string reason, DateTime nowUtc, DateOnly today)
    {
        if (CallIn != CallInState.NotCalledIn)
            throw new BusinessRuleException("call-in-already", $"This decision was already called in by {CalledInBy} on {CalledInAt:d MMMM yyyy}.");
        if (today > CallInEndsOn)
            throw new BusinessRuleException("call-in-window-closed", $"The call-in period ended on {CallInEndsOn:d MMMM yyyy}: the decision can be implemented.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Say why the decision is called in.", isInvalidInput: true);
        (CallIn, CalledInBy, CallInReason, CalledInAt) = (CallInState.CalledIn, councillors, reason.Trim(), nowUtc);
    }

    /// <summary>The overview and scrutiny committee's resolution on a call-in: the decision stands, or goes back to the decision maker.</summary>
    /// <exception cref="BusinessRuleException">call-in-not-pending or reason-required.</exception>
    public void ConsiderCallIn(bool referBack, string minute, DateOnly today)
    {
        if (CallIn != CallInState.CalledIn)
            throw new BusinessRuleException("call-in-not-pending", "Only a decision that has been called in, and not yet considered, is considered.");
        if (string.IsNullOrWhiteSpace(minute))
            throw new BusinessRuleException("reason-required", "Give the committee's minute on the call-in.", isInvalidInput: true);
        (CallIn, CallInMinute, CallInConsideredOn) = (referBack ? CallInState.ReferredBack : CallInState.Confirmed, minute.Trim(), today);
    }

    /// <summary>Whether the decision may be implemented today: its window has closed without a call-in, or a call-in confirmed it.</summary>
    public bool CanBeImplemented(DateOnly today) =>
        CallIn == CallInState.Confirmed || (CallIn == CallInState.NotCalledIn && today > CallInEndsOn);

    /// <summary>The decision's call-in status in words, as the public decision list shows it.</summary>
    public string CallInStatus(DateOnly today) => CallIn switch
    {
        CallInState.CalledIn => $"Called in on {CalledInAt:d MMMM yyyy}: held until the overview and scrutiny committee considers it",
        CallInState.Confirmed => $"Called in; the committee let it stand on {CallInConsideredOn:d MMMM yyyy}: can be implemented",
        CallInState.ReferredBack => $"Called in; referred back to the decision maker on {CallInConsideredOn:d MMMM yyyy}",
        _ when today > CallInEndsOn => $"Not called in (the period ended on {CallInEndsOn:d MMMM yyyy}): can be implemented",
        _ => $"Open to call-in until {CallInEndsOn:d MMMM yyyy}",
    };
}

public enum CallInState
{
    NotCalledIn,
    CalledIn,
    Confirmed,
    ReferredBack,
}

/// <summary>
/// A forward-plan entry: 28 clear days' notice of a key decision or of an intention to meet in private, unless
/// the urgency procedure is used and its reason recorded.
/// </summary>
/// <summary>How a key decision or private item is taken without 28 clear days' notice in the forward plan.</summary>
public enum UrgencyRoute
{
    /// <summary>Not needed: the notice was given.</summary>
    None,

    /// <summary>
    /// General exception (2012 Regulations reg 10; reg 5(6) for a private item): the overview and scrutiny chair told
    /// in writing and a notice published, at least five clear days before the decision.
    /// </summary>
    GeneralException,

    /// <summary>Special urgency (reg 11; reg 5(6)-(7)): the overview and scrutiny chair agrees the decision cannot reasonably be deferred, and a notice says why.</summary>
    SpecialUrgency,
}

/// <summary>
/// An entry in the forward plan. Its publication date is the day the server recorded it (never back-dated); a key
/// decision or a private item needs 28 clear days' notice, or one of the two urgency routes with the conditions the
/// Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012 set.
/// </summary>
public class ForwardPlanEntry : ArchivableEntity
{
    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    public int CommitteeId { get; set; }

    public DateOnly DecisionDate { get; set; }

    /// <summary>Stamped by the server when the entry is recorded: a notice cannot be back-dated.</summary>
    [ServerManaged]
    public DateOnly PublishedOn { get; set; }

    public bool KeyDecision { get; set; }

    public bool PrivateItem { get; set; }

    [MaxLength(64)]
    public string? SubjectType { get; set; }

    public int? SubjectId { get; set; }

    public UrgencyRoute UrgencyRoute { get; set; }

    /// <summary>Why the decision cannot wait for 28 clear days' notice: the published notice's reasons.</summary>
    [MaxLength(2000)]
    public string? UrgencyReason { get; set; }

    /// <summary>The chair of the overview and scrutiny committee (or, absent one, the chair of the council) told or asked.</summary>
    [MaxLength(200)]
    public string? ScrutinyChair { get; set; }

    /// <summary>General exception: the day the chair was told in writing.</summary>
    public DateOnly? ScrutinyChairInformedOn { get; set; }

    /// <summary>Special urgency: the day the chair agreed the decision is urgent and cannot reasonably be deferred.</summary>
    public DateOnly? ScrutinyChairAgreedOn { get; set; }

    /// <summary>The day the urgency notice was made public (on the website and at the offices).</summary>
    public DateOnly? UrgencyNoticePublishedOn { get; set; }

    [ServerManaged]
    public DateOnly LatestNoticeDate { get; set; }

    [ServerManaged]
    public bool NoticeGiven { get; set; }

    /// <summary>Records the entry as published today, and judges its notice.</summary>
    public void Publish(DateTime nowUtc, Calendar.StatutoryClocks clocks)
    {
        PublishedOn = Calendar.LondonTime.DateOf(nowUtc);
        CheckNotice(clocks);
    }

    /// <summary>
    /// The 28 clear days' rule and, where they were not given, the urgency route's conditions; run on every change.
    /// </summary>
    /// <exception cref="BusinessRuleException">forward-plan-28-clear-days, forward-plan-general-exception or forward-plan-special-urgency.</exception>
    public void CheckNotice(Calendar.StatutoryClocks clocks)
    {
        LatestNoticeDate = Calendar.StatutoryClocks.LatestForwardPlanNotice(DecisionDate);
        NoticeGiven = PublishedOn <= LatestNoticeDate;
        if (NoticeGiven || !(KeyDecision || PrivateItem))
            return;
        switch (UrgencyRoute)
        {
            case UrgencyRoute.GeneralException:
                if (ScrutinyChair is not { Length: > 0 } || ScrutinyChairInformedOn is not { } informed || UrgencyNoticePublishedOn is not { } noticed
                    || !clocks.MeetsAgendaNotice(informed > noticed ? informed : noticed, DecisionDate))
                {
                    throw new BusinessRuleException("forward-plan-general-exception",
                        $"Under the general exception (reg 10) the overview and scrutiny chair must be told in writing (ScrutinyChair, ScrutinyChairInformedOn) and a notice published (UrgencyNoticePublishedOn), both at least five clear days before the decision on {DecisionDate:d MMMM yyyy}.");
                }

                break;
            case UrgencyRoute.SpecialUrgency:
                if (ScrutinyChair is not { Length: > 0 } || ScrutinyChairAgreedOn is not { } agreed || agreed > DecisionDate
                    || UrgencyNoticePublishedOn is null || string.IsNullOrWhiteSpace(UrgencyReason))
                {
                    throw new BusinessRuleException("forward-plan-special-urgency",
                        "Under special urgency (reg 11) the overview and scrutiny chair must agree, before the decision, that it is urgent and cannot reasonably be deferred (ScrutinyChair, ScrutinyChairAgreedOn), and a notice must give the reasons (UrgencyReason, UrgencyNoticePublishedOn).");
                }

                break;
            default:
                throw new BusinessRuleException("forward-plan-28-clear-days",
                    $"A key decision or private item on {DecisionDate:d MMMM yyyy} needs 28 clear days' notice: publish by {LatestNoticeDate:d MMMM yyyy}, or take it by the general exception or special urgency (UrgencyRoute).");
        }
    }
}

/// <summary>A councillor's or union representative's question on an agenda item or a contract, answered by a due date.</summary>
public class ScrutinyQuestion : Entity
{
    public const int AnswerWorkingDays = 10;

    public int? AgendaItemId { get; set; }

    public int? ContractId { get; set; }

    [Required, MaxLength(4000)]
    public string Question { get; set; } = "";

    [ServerManaged, MaxLength(256)]
    public string AskedBy { get; set; } = "";

    [ServerManaged]
    public DateTime AskedAt { get; set; }

    [ServerManaged]
    public DateOnly DueOn { get; set; }

    [ServerManaged, MaxLength(8000)]
    public string? Answer { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? AnsweredBy { get; set; }

    [ServerManaged]
    public DateTime? AnsweredAt { get; set; }

    /// <summary>Records who asked and when, and the answer's due date: ten working days from the day asked.</summary>
    /// <exception cref="BusinessRuleException">question-subject (input): neither or both of an agenda item and a contract.</exception>
    public void Ask(string by, DateTime nowUtc, Calendar.WorkingDays days)
    {
        if ((AgendaItemId is null) == (ContractId is null))
            throw new BusinessRuleException("question-subject", "A question is on an agenda item or a contract: give AgendaItemId or ContractId.", isInvalidInput: true);
        AskedBy = by;
        AskedAt = nowUtc;
        DueOn = days.AddWorkingDays(Calendar.LondonTime.DateOf(nowUtc), AnswerWorkingDays);
    }
}

/// <summary>
/// A consultation of the union on a record, as a workflow gate: the union representative is notified and has a
/// response period in working days; the gate passes when the response is in or the period has ended.
/// </summary>
public class Consultation : Entity
{
    [Required, MaxLength(64)]
    public string SubjectType { get; set; } = "";

    public int SubjectId { get; set; }

    /// <summary>The gate as the workflow's guard names it: consultation:&lt;gate&gt;.</summary>
    [Required, MaxLength(64)]
    public string Gate { get; set; } = "";

    [Required, MaxLength(2000)]
    public string Topic { get; set; } = "";

    [Range(1, MaxResponseWorkingDays)]
    public int ResponseWorkingDays { get; set; } = 10;

    [ServerManaged]
    public DateTime OpenedAt { get; set; }

    [ServerManaged]
    public DateOnly RespondBy { get; set; }

    [ServerManaged, MaxLength(8000)]
    public string? Response { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? RespondedBy { get; set; }

    public const int MaxResponseWorkingDays = 60;

    /// <summary>Opens the consultation now, with the response deadline its working days give.</summary>
    public void Open(DateTime nowUtc, Calendar.WorkingDays days)
    {
        if (ResponseWorkingDays is < 1 or > MaxResponseWorkingDays)
        {
            throw new BusinessRuleException("consultation-response-days",
                $"ResponseWorkingDays ({ResponseWorkingDays}) is a number of working days from 1 to {MaxResponseWorkingDays}.", isInvalidInput: true);
        }

        OpenedAt = nowUtc;
        RespondBy = days.AddWorkingDays(Calendar.LondonTime.DateOf(nowUtc), ResponseWorkingDays);
    }

    [ServerManaged]
    public DateTime? RespondedAt { get; set; }

    /// <summary>The union's response, once: it goes into the committee paper as given.</summary>
    /// <exception cref="BusinessRuleException">response-required (input), or responded when the union already has.</exception>
    public void Respond(string response, string by, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(response))
            throw new BusinessRuleException("response-required", "Give the Response.", isInvalidInput: true);
        if (Response is not null)
            throw new BusinessRuleException("responded", "The union has already responded.");
        (Response, RespondedBy, RespondedAt) = (response.Trim(), by, nowUtc);
    }
}
