namespace Governance.Api.Features.Notifications;

/// <summary>
/// One e-mail to one person. <see cref="MessageId"/> is the same every time the same notification is sent to the same
/// person, so that a resend after a crash is recognised as the same message by mail systems and by the recipient.
/// </summary>
/// <param name="Link">The absolute address of the record's page, at the configured public base address.</param>
public sealed record OutgoingMessage(string To, string Subject, string Body, string? Link, string MessageId);

/// <summary>Delivers one message; throws when delivery fails, so the job retries.</summary>
public interface INotificationSender
{
    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}
