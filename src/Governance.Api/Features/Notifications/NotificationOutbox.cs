using Governance.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notifications;

/// <summary>Adds notifications to the outbox in the caller's unit of work; a key already used is skipped.</summary>
public sealed class NotificationOutbox(GovernanceDbContext db, TimeProvider time)
{
    public async Task AddAsync(string idempotencyKey, string? role, string? user, string subject, string body, string? link, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<Notification>().Any(e => e.Entity.IdempotencyKey == idempotencyKey)
            || await db.Set<Notification>().AnyAsync(n => n.IdempotencyKey == idempotencyKey, ct))
            return;
        var now = time.GetUtcNow().UtcDateTime;
        db.Add(new Notification
        {
            IdempotencyKey = idempotencyKey, RecipientRole = role, RecipientUser = user, Subject = subject, Body = body, Link = link,
            CreatedAt = now, NextAttemptAt = now,
        });
    }
}
