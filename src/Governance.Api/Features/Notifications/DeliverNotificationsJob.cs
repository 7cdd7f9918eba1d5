using System.Security.Cryptography;
using System.Text;
using Governance.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Governance.Api.Features.Notifications;

/// <summary>
/// Delivers the outbox. Each row is claimed before sending, so two runs (or two servers) never send the same one;
/// a failed send is retried with doubling delays, and after <see cref="MaxAttempts"/> the row is marked failed.
/// A row is marked as being sent (committed) before anything reaches SMTP and unmarked with the outcome: a row
/// found still marked was interrupted mid-send (the host died), so it is counted in InterruptedSends and sent again
/// with the same Message-ID per person, which mail systems and readers recognise as the same message.
/// </summary>
public sealed class DeliverNotificationsJob(GovernanceDbContext db, INotificationSender sender, TimeProvider time, IOptions<SmtpOptions> smtp, ILogger<DeliverNotificationsJob> logger)
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
        if (notification.SendingStartedAt is { } interrupted)
        {
            notification.InterruptedSends++;
            Infrastructure.Telemetry.NotificationSendsInterrupted.Add(1);
            logger.LogWarning("Notification {Id} was being sent at {At:O} when the host stopped; sending it again with the same Message-ID.", id, interrupted);
        }

        notification.Attempts++;
        notification.SendingStartedAt = now;
        await db.SaveChangesAsync(ct);

        notification.ClaimedUntil = null;
        try
        {
            var recipients = await RecipientsAsync(notification, ct);
            var link = $"{smtp.Value.PublicBaseUrl.TrimEnd('/')}{NotificationSubjects.PagePath(notification.SubjectType, notification.SubjectId, notification.Link)}";
            foreach (var recipient in recipients)
            {
                await sender.SendAsync(new OutgoingMessage(recipient, notification.Subject, notification.Body, link, MessageId(notification.Id, recipient)), ct);
                Infrastructure.Telemetry.NotificationsSent.Add(1);
            }
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

        notification.SendingStartedAt = null;
        await db.SaveChangesAsync(ct);
        return notification.DeliveredAt is not null;
    }

    /// <summary>The same for every send of one notification to one person: &lt;notification-14.3f2a9c01@council.example&gt;.</summary>
    public string MessageId(long notificationId, string recipient)
    {
        var from = smtp.Value.From;
        var domain = from.Contains('@', StringComparison.Ordinal) ? from[(from.LastIndexOf('@') + 1)..].Trim('>', ' ') : "governance.local";
        var person = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient.ToUpperInvariant())))[..8];
        return $"notification-{notificationId}.{person}@{domain}";
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
