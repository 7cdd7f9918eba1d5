using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Governance.Domain.Calendar;
using Governance.Domain.Common;

namespace Governance.Domain.Notices;

/// <summary>
/// A statutory notice the council must publish: raised by the event that starts its clock (a workflow step, an
/// assessment, a termination), with its deadline computed from that event, its content generated from the data, and
/// its publication recorded by the council (the product does not call Find a Tender). Published content never
/// changes: a correction is a new version with its reason (<see cref="NoticeVersion"/>). Nothing here is PATCHable.
/// </summary>
public class Notice : Entity
{
    // Type, subject and trigger are given when an officer raises a notice by hand (a change, the half-yearly UK17);
    // nothing changes them afterwards: notices have no PATCH.
    public NoticeType Type { get; set; }

    /// <summary>The procurement it is about (tender, award and termination notices, and any notice of a contract let through one).</summary>
    public int? ProcurementId { get; set; }

    /// <summary>The contract it is about (contract details, performance, change and termination notices).</summary>
    public int? ContractId { get; set; }

    [ServerManaged, MaxLength(300)]
    public string Title { get; set; } = "";

    /// <summary>What raised it, unique: the workflow step, assessment or event, so an event raises its notice once.</summary>
    [ServerManaged, MaxLength(200)]
    public string RaisedFor { get; set; } = "";

    /// <summary>The event that started the clock, in words.</summary>
    [MaxLength(300)]
    public string Trigger { get; set; } = "";

    /// <summary>The day of that event (Europe/London), stamped by the server.</summary>
    [ServerManaged]
    public DateOnly TriggeredOn { get; set; }

    [ServerManaged]
    public DateOnly DueOn { get; set; }

    /// <summary>The provision the deadline follows, in words.</summary>
    [ServerManaged, MaxLength(400)]
    public string DeadlineRule { get; set; } = "";

    [ServerManaged]
    public NoticeStatus Status { get; set; }

    /// <summary>The notice's fields as JSON: the latest draft, then the published version's, fixed.</summary>
    [ServerManaged]
    public string? Content { get; set; }

    [ServerManaged]
    public DateTime? DraftedAt { get; set; }

    /// <summary>0 until published; each correction adds one.</summary>
    [ServerManaged]
    public int Version { get; set; }

    [ServerManaged]
    public DateTime? PublishedAt { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? PublishedBy { get; set; }

    /// <summary>The platform's notice identifier, as the council recorded it.</summary>
    [ServerManaged, MaxLength(100)]
    public string? ExternalReference { get; set; }

    /// <summary>When the overdue notice was escalated (once).</summary>
    [ServerManaged]
    public DateTime? EscalatedAt { get; set; }

    /// <summary>A new notice for an event, its deadline computed from the day the event happened.</summary>
    public static Notice Raise(NoticeType type, int? procurementId, int? contractId, string subject, string trigger, DateOnly triggeredOn, string raisedFor, StatutoryClocks clocks)
    {
        CheckSubject(type, procurementId, contractId);
        if (string.IsNullOrWhiteSpace(trigger) || trigger.Trim().Length > 300)
            throw new BusinessRuleException("notice-trigger", "Say what event the notice follows, in at most 300 characters.", isInvalidInput: true);
        var (due, rule) = NoticeDeadlines.For(type, triggeredOn, clocks);
        return new Notice
        {
            Type = type, ProcurementId = procurementId, ContractId = contractId, Title = $"{NoticeDeadlines.Describe(type)}: {subject}",
            RaisedFor = raisedFor, Trigger = trigger.Trim(), TriggeredOn = triggeredOn, DueOn = due, DeadlineRule = rule, Status = NoticeStatus.Due,
        };
    }

    /// <summary>
    /// What a notice of this type is about: a contract, a procurement, or (UK17) neither. Checked before anything else
    /// about a request, so a malformed one is told what is wrong rather than that a notice already exists.
    /// </summary>
    public static void CheckSubject(NoticeType type, int? procurementId, int? contractId)
    {
        if (NoticeDeadlines.IsAboutContract(type) && contractId is null)
            throw new BusinessRuleException("notice-subject", $"A {NoticeDeadlines.Describe(type)} is about a contract: give its ContractId.", isInvalidInput: true);
        if (type == NoticeType.UK17 && (procurementId is not null || contractId is not null))
            throw new BusinessRuleException("notice-subject", "A payments compliance notice (UK17) is the council's, for a reporting period: give no procurement or contract.", isInvalidInput: true);
        if (type != NoticeType.UK17 && !NoticeDeadlines.IsAboutContract(type) && procurementId is null)
            throw new BusinessRuleException("notice-subject", $"A {NoticeDeadlines.Describe(type)} is about a procurement: give its ProcurementId.", isInvalidInput: true);
    }

    /// <summary>
    /// The notice's law must be the subject's: a UK notice for a procurement under the Procurement Act 2023, a PCR
    /// notice for one under PCR 2015 (started before 24 February 2025).
    /// </summary>
    public static void CheckRegime(NoticeType type, bool underProcurementAct)
    {
        if (NoticeDeadlines.IsProcurementAct(type) != underProcurementAct)
        {
            throw new BusinessRuleException("notice-regime", underProcurementAct
                ? $"This was procured under the Procurement Act 2023: a {NoticeDeadlines.Describe(type)} does not apply; use the Act's UK notices."
                : $"This was procured under PCR 2015: the Procurement Act 2023's {NoticeDeadlines.Describe(type)} does not apply.");
        }
    }

    /// <summary>The content generated from the data now, for the council to check; regenerated on each draft.</summary>
    public void Draft(string content, DateTime nowUtc)
    {
        CheckNotPublished();
        Content = content;
        DraftedAt = nowUtc;
        if (Status == NoticeStatus.Due)
            Status = NoticeStatus.Drafted;
    }

    /// <summary>
    /// Records the council's publication on the platform: the content is fixed as version 1 (the latest draft, or
    /// the data's content now if none was drafted), dated by the server.
    /// </summary>
    public NoticeVersion Publish(string? externalReference, string contentNow, string by, DateTime nowUtc)
    {
        CheckNotPublished();
        var reference = ExternalReferenceOf(externalReference);
        Content ??= contentNow;
        Status = NoticeStatus.Published;
        return Stamp(reference, null, by, nowUtc);
    }

    /// <summary>A correction published on the platform: a new version with the data's content now and the reason; earlier versions stay as they were.</summary>
    public NoticeVersion Correct(string? reason, string? externalReference, string contentNow, string by, DateTime nowUtc)
    {
        if (Status != NoticeStatus.Published)
            throw new BusinessRuleException("notice-not-published", "Only a published notice is corrected; until then draft it again.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("notice-correction-reason", "Say why the published notice is corrected.", isInvalidInput: true);
        if (reason.Trim().Length > 2000)
            throw new BusinessRuleException("notice-correction-reason", "Give the reason in at most 2,000 characters.", isInvalidInput: true);
        var reference = ExternalReferenceOf(externalReference);
        Content = contentNow;
        return Stamp(reference, reason.Trim(), by, nowUtc);
    }

    /// <summary>Past its deadline and unpublished: overdue from the day after the due date. Returns whether it just became so.</summary>
    public bool MarkOverdueIfLate(DateOnly today)
    {
        if (Status is NoticeStatus.Published or NoticeStatus.Overdue || today <= DueOn)
            return false;
        Status = NoticeStatus.Overdue;
        return true;
    }

    /// <summary>Whether the owner should be reminded today: unpublished and due within the week (or today).</summary>
    public bool NeedsReminder(DateOnly today) => Status is NoticeStatus.Due or NoticeStatus.Drafted && today >= DueOn.AddDays(-7) && today <= DueOn;

    private NoticeVersion Stamp(string reference, string? reason, string by, DateTime nowUtc)
    {
        Version++;
        (PublishedAt, PublishedBy, ExternalReference) = (nowUtc, by, reference);
        return new NoticeVersion
        {
            NoticeId = Id, Version = Version, Content = Content!, ContentSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Content!))),
            ExternalReference = reference, Reason = reason, PublishedAt = nowUtc, PublishedBy = by, Late = LondonTime.DateOf(nowUtc) > DueOn,
        };
    }

    private void CheckNotPublished()
    {
        if (Status == NoticeStatus.Published)
            throw new BusinessRuleException("notice-published", $"This notice was published on {PublishedAt:d MMMM yyyy}; its content is fixed. Correct it with a reason instead.");
    }

    private static string ExternalReferenceOf(string? reference) =>
        string.IsNullOrWhiteSpace(reference) || reference.Trim().Length > 100
            ? throw new BusinessRuleException("notice-external-reference", "Give the platform's reference for the published notice (at most 100 characters).", isInvalidInput: true)
            : reference.Trim();
}

/// <summary>A published version of a notice, as it went out: never changed. Version 1 is the first publication; later ones are corrections with their reason.</summary>
public class NoticeVersion : ILogRow
{
    public long Id { get; set; }

    public int NoticeId { get; set; }

    public int Version { get; set; }

    public string Content { get; set; } = "";

    [MaxLength(64)]
    public string ContentSha256 { get; set; } = "";

    [MaxLength(100)]
    public string ExternalReference { get; set; } = "";

    [MaxLength(2000)]
    public string? Reason { get; set; }

    public DateTime PublishedAt { get; set; }

    [MaxLength(256)]
    public string PublishedBy { get; set; } = "";

    /// <summary>Published after its deadline.</summary>
    public bool Late { get; set; }
}
