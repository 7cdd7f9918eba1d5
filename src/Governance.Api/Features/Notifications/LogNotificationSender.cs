namespace Governance.Api.Features.Notifications;

/// <summary>Used when no SMTP server is configured: delivery is recorded in the log, and the notification stays readable in the API.</summary>
internal sealed class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        logger.LogInformation("Notification delivered to the log for {Recipient}: {Subject} ({Link}, {MessageId})", message.To, message.Subject, message.Link, message.MessageId);
        return Task.CompletedTask;
    }
}
