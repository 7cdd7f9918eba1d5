namespace Governance.Api.Features.Notifications;

/// <summary>Delivers one notification to its resolved recipients; throws when delivery fails, so the job retries.</summary>
public interface INotificationSender
{
    Task SendAsync(IReadOnlyList<string> recipients, string subject, string body, string? link, CancellationToken ct);
}
