using Governance.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notifications;

/// <summary>Adds notifications to the outbox in the caller's unit of work; a key already used is skipped.</summary>
public sealed class NotificationOutbox(GovernanceDbContext db, TimeProvider time)
{
    // Keys added in this unit of work, so a repeat is caught without scanning the change tracker.
    private readonly HashSet<string> added = new(StringComparer.Ordinal);

    /// <summary>A subject naming a long record title is cut with an ellipsis rather than refused by the column.</summary>
    private static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <param name="about">The record the notification is about: readers who may not see it do not see the notification either.</param>
    /// <param name="keyCannotBeStored">
    /// The caller's key names something saved in this same unit of work (a workflow step, whose number is saved with
    /// it), so no stored row can hold it and the database need not be asked: a sweep of many fires saves a query each.
    /// </param>
    public async Task AddAsync(
        string idempotencyKey, string? role, string? user, string subject, string body, string? link, (string Type, int Id)? about, CancellationToken ct, bool keyCannotBeStored = false)
    {
        if (added.Contains(idempotencyKey) || !keyCannotBeStored && await db.Set<Notification>().AnyAsync(n => n.IdempotencyKey == idempotencyKey, ct))
            return;
        added.Add(idempotencyKey);
        var now = time.GetUtcNow().UtcDateTime;
        db.Add(new Notification
        {
            IdempotencyKey = idempotencyKey, RecipientRole = role, RecipientUser = user, Subject = Fit(subject, 300), Body = Fit(body, 4000), Link = link,
            SubjectType = about?.Type, SubjectId = about?.Id,
            CreatedAt = now, NextAttemptAt = now,
        });
    }
}
