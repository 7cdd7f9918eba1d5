using Governance.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notifications;

/// <summary>
/// Delivers the outbox. Each row is claimed before sending, so two runs (or two servers) never send the same one;
/// a failed send is retried with doubling delays, and after <see cref="MaxAttempts"/> the row is marked failed.
/// </summary>
public sealed class DeliverNotificationsJob(GovernanceDbContext db, INotificationSender sender, TimeProvider time, ILogger<DeliverNotificationsJob> logger)
{
    public const int MaxAttempts = 6;
    public const int BatchSize = 50;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.DeliveredAt == null && !n.Failed && n.NextAttemptAt <= now && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .OrderBy(n => n.Id).Select(n => n.Id).Take(BatchSize).ToListAsync(ct);
        var delivered = 0;
        foreach (var id in ids)
        {
            var claimed = await db.Set<Notification>()
                .Where(n => n.Id == id && n.DeliveredAt == null && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, now + ClaimFor), ct);
            if (claimed == 1 && await DeliverAsync(id, now, ct))
                delivered++;
        }

        return delivered;
    }

    /// <summary>The delay before attempt n+1: one minute, doubling, at most six hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));

    private async Task<bool> DeliverAsync(long id, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var notification = await db.Set<Notification>().SingleAsync(n => n.Id == id, ct);
        notification.Attempts++;
        notification.ClaimedUntil = null;
        try
        {
            var recipients = await RecipientsAsync(notification, ct);
            if (recipients.Count > 0)
                await sender.SendAsync(recipients, notification.Subject, notification.Body, notification.Link, ct);
            notification.DeliveredAt = now;
            notification.LastError = recipients.Count > 0 ? null : "no account holds the recipient role; kept for reading in the API";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            notification.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            notification.NextAttemptAt = now + Backoff(notification.Attempts);
            notification.Failed = notification.Attempts >= MaxAttempts;
            logger.LogWarning("Notification {Id} attempt {Attempt} failed: {Error}", id, notification.Attempts, notification.LastError);
        }

        await db.SaveChangesAsync(ct);
        return notification.DeliveredAt is not null;
    }

    private async Task<List<string>> RecipientsAsync(Notification notification, CancellationToken ct)
    {
        if (notification.RecipientUser is { } user)
            return [user];
        return await db.Users.AsNoTracking()
            .Where(u => u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == notification.RecipientRole)))
            .Select(u => u.Email!)
            .OrderBy(e => e)
            .ToListAsync(ct);
    }
}
