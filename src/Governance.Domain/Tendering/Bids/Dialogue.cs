using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering.Bids;

/// <summary>A dialogue session with one bidder: confidential to the team and that bidder.</summary>
public class DialogueSession : Entity, IBidderRecord
{
    public int ProcurementId { get; set; }

    public int BidderId { get; set; }

    public DateOnly HeldOn { get; set; }

    [Required, MaxLength(2000)]
    public string Attendees { get; set; } = "";

    [Required, MaxLength(20_000)]
    public string Minutes { get; set; } = "";

    [MaxLength(4000)]
    public string? Actions { get; set; }

    /// <summary>
    /// Rule <c>dialogue-session-date</c>: minutes are recorded of a session already held, during this procurement's
    /// dialogue: not in the future, not before the stage opened.
    /// </summary>
    public void CheckHeldOn(DateOnly stageOpenedOn, DateOnly today)
    {
        if (HeldOn > today)
            throw new BusinessRuleException("dialogue-session-date", $"HeldOn {HeldOn:d MMMM yyyy} is in the future: a session's minutes are recorded once it has been held.", isInvalidInput: true);
        if (HeldOn < stageOpenedOn)
            throw new BusinessRuleException("dialogue-session-date", $"HeldOn {HeldOn:d MMMM yyyy} is before the dialogue stage opened on {stageOpenedOn:d MMMM yyyy}.", isInvalidInput: true);
    }
}
public class ClarificationQuestion : Entity, IBidderRecord
{
    public int ProcurementId { get; set; }

    public int BidderId { get; set; }

    [Required, MaxLength(4000)]
    public string Question { get; set; } = "";

    [ServerManaged]
    public DateTime AskedAt { get; set; }

    [ServerManaged, MaxLength(8000)]
    public string? Answer { get; set; }

    [ServerManaged]
    public DateTime? AnsweredAt { get; set; }

    [ServerManaged]
    public DateTime? PublishedAt { get; set; }
}

/// <summary>A published clarification as every bidder sees it: question and answer, never the asker.</summary>
public class PublishedClarification
{
    public int Id { get; set; }

    public int ProcurementId { get; set; }

    public string Question { get; set; } = "";

    public string Answer { get; set; } = "";

    public DateTime PublishedAt { get; set; }
}

/// <summary>A bidder's specific consent to share a named part of its solution (who, when, which part).</summary>
public class ConsentRecord : Entity, IBidderRecord
{
    public int ProcurementId { get; set; }

    public int BidderId { get; set; }

    [Required, MaxLength(300)]
    public string Part { get; set; } = "";

    [Required, MaxLength(1000)]
    public string Purpose { get; set; } = "";

    [ServerManaged, MaxLength(256)]
    public string GivenBy { get; set; } = "";

    [ServerManaged]
    public DateTime GivenAt { get; set; }
}

/// <summary>A record that part of a bidder's solution was shared, only ever under a matching consent.</summary>
public class SolutionDisclosure : Entity, IBidderRecord
{
    public int ProcurementId { get; set; }

    public int BidderId { get; set; }

    [Required, MaxLength(300)]
    public string Part { get; set; } = "";

    [Required, MaxLength(1000)]
    public string DisclosedTo { get; set; } = "";

    [ServerManaged]
    public int ConsentRecordId { get; set; }

    [ServerManaged, MaxLength(256)]
    public string DisclosedBy { get; set; } = "";

    [ServerManaged]
    public DateTime DisclosedAt { get; set; }
}
