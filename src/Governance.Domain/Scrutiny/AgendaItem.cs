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

    public DateOnly PublishedOn { get; set; }

    [ServerManaged]
    public DateOnly CallInEndsOn { get; set; }
}

/// <summary>
/// A forward-plan entry: 28 clear days' notice of a key decision or of an intention to meet in private, unless
/// the urgency procedure is used and its reason recorded.
/// </summary>
public class ForwardPlanEntry : ArchivableEntity
{
    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    public int CommitteeId { get; set; }

    public DateOnly DecisionDate { get; set; }

    public DateOnly PublishedOn { get; set; }

    public bool KeyDecision { get; set; }

    public bool PrivateItem { get; set; }

    [MaxLength(64)]
    public string? SubjectType { get; set; }

    public int? SubjectId { get; set; }

    [MaxLength(2000)]
    public string? UrgencyReason { get; set; }

    [ServerManaged]
    public DateOnly LatestNoticeDate { get; set; }

    [ServerManaged]
    public bool NoticeGiven { get; set; }
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
}
