using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Performance;

public enum PerformanceNoticeKind
{
    /// <summary>The supplier is not performing the contract to the authority's satisfaction (s.71(4)).</summary>
    PoorPerformance,

    /// <summary>A breach of contract (s.71(5)).</summary>
    Breach,
}

public enum PerformanceNoticeStatus
{
    Draft,
    Published,
}

/// <summary>
/// A notice of poor performance or breach under Procurement Act 2023 s.71(4)-(5), about the cause an escalation
/// pursues. Published only after the supplier had a proper opportunity to improve and failed: an agreed remediation
/// plan for that same escalation was missed (an action missed) or failed (the plan breached). This "improve first"
/// rule is separate from the annual KPI assessment, which is always publishable.
/// </summary>
public class PerformanceNotice : Entity
{
    public int ContractId { get; set; }

    /// <summary>The escalation whose cause the notice is about, and whose remediation plan the supplier had to deliver.</summary>
    public int EscalationId { get; set; }

    public PerformanceNoticeKind Kind { get; set; }

    [Required, MaxLength(4000)]
    public string Description { get; set; } = "";

    [ServerManaged]
    public PerformanceNoticeStatus Status { get; set; }

    [ServerManaged]
    public DateTime? PublishedAt { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? PublishedBy { get; set; }

    /// <summary>Publishes the notice if the supplier was given the chance to improve on this cause and did not.</summary>
    public void Publish(bool planAgreed, bool planMissedOrFailed, string by, DateTime nowUtc)
    {
        if (Status == PerformanceNoticeStatus.Published)
            throw new BusinessRuleException("notice-published", "This notice is already published.");
        if (!planAgreed)
        {
            throw new BusinessRuleException("pa2023-s71-improve-first",
                "No remediation plan was agreed for this escalation's cause: under s.71(4)-(5) the supplier must first be given a proper opportunity to improve.");
        }

        if (!planMissedOrFailed)
        {
            throw new BusinessRuleException("pa2023-s71-improve-first",
                "The remediation plan agreed for this cause has not been missed or failed: the supplier is still being given its opportunity to improve.");
        }

        Status = PerformanceNoticeStatus.Published;
        (PublishedAt, PublishedBy) = (nowUtc, by);
    }
}
