namespace Governance.Api.Features.Notifications;

/// <summary>Used when no SMTP server is configured: delivery is recorded in the log, and the notification stays readable in the API.</summary>
internal sealed class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(IReadOnlyList<string> recipients, string subject, string body, string? link, CancellationToken ct)
    {
        logger.LogInformation("Notification delivered to the log for {Recipients}: {Subject} ({Link})", string.Join(", ", recipients), subject, link);
        return Task.CompletedTask;
    }
}
