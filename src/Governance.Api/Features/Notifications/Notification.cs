using Governance.Domain.Common;
using System.ComponentModel.DataAnnotations;

namespace Governance.Api.Features.Notifications;

/// <summary>
/// An outbox row: written in the same transaction as the change that caused it, delivered later by a job.
/// The idempotency key makes a second write of the same notification a no-op and a second delivery impossible.
/// </summary>
public class Notification : ILogRow
{
    public long Id { get; set; }

    /// <summary>Everyone with this role receives it (or <see cref="RecipientUser"/> alone).</summary>
    [MaxLength(64)]
    public string? RecipientRole { get; set; }

    /// <summary>The user name (e-mail) of a single recipient.</summary>
    [MaxLength(256)]
    public string? RecipientUser { get; set; }

    [MaxLength(300)]
    public string Subject { get; set; } = "";

    [MaxLength(4000)]
    public string Body { get; set; } = "";

    /// <summary>Path of the record in the API, e.g. /odata/Procurements(1); the e-mail links to the record's page instead.</summary>
    [MaxLength(300)]
    public string? Link { get; set; }

    /// <summary>The type of the record it is about: whoever may not see that record does not see the notification.</summary>
    [MaxLength(64)]
    public string? SubjectType { get; set; }

    public int? SubjectId { get; set; }

    [MaxLength(200)]
    public string IdempotencyKey { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>Set (and committed) before the message is handed to SMTP, cleared with the outcome.</summary>
    public DateTime? SendingStartedAt { get; set; }

    /// <summary>How often a send was interrupted before its outcome was recorded: each may have reached the recipient twice.</summary>
    public int InterruptedSends { get; set; }

    /// <summary>Set while a delivery run holds the row, so that two runs never send it twice.</summary>
    public DateTime? ClaimedUntil { get; set; }

    [MaxLength(1000)]
    public string? LastError { get; set; }

    /// <summary>Set when retries are exhausted; the row stays for an administrator to see.</summary>
    public bool Failed { get; set; }
}
