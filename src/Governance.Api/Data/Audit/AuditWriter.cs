using System.Text.Json;
using Governance.Domain.Audit;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Governance.Api.Data.Audit;

/// <summary>
/// Saves a unit of work together with one audit entry per changed record, in one transaction, extending the
/// hash chain. Keys of new rows exist only after the insert, so the changes are saved first and the entries
/// written second, before the commit.
/// </summary>
public sealed class AuditWriter(ICurrentActor actor, TimeProvider time, AuditKey key, IHttpContextAccessor requests)
{
    /// <summary>Secrets and what is derived from them: kept out of the audit image, which auditors read.</summary>
    private static readonly HashSet<string> Redacted =
    [
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
        nameof(Governance.Domain.Access.PersonalAccessToken.SecretHash),
    ];

    internal async Task<int> SaveWithAuditAsync(GovernanceDbContext db, Func<Task<int>> save, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries().Where(IsAudited).Select(Capture).ToList();
        var idempotent = UnmarkedIdempotentRequest();
        if (pending.Count == 0 && idempotent is null)
            return await save();

        await using var ownTransaction = await db.Database.BeginUnlessInOneAsync(ct);
        if (idempotent is { } requestId)
            await MarkAppliedAsync(db, requestId, ct);
        if (pending.Count == 0)
        {
            var saved = await save();
            await ownTransaction.CommitIfOwnAsync(ct);
            return saved;
        }

        var head = await LockedHeadAsync(db, ct);
        var written = await save();

        var now = AuditChain.Truncate(time.GetUtcNow().UtcDateTime);
        var who = actor.Name;
        var entries = pending.Select(change => Seal(head, change.ToEntry(who, now))).ToList();
        await AuditRows.InsertAsync(db, entries, ct);

        await save(); // the head

        await ownTransaction.CommitIfOwnAsync(ct);
        return written;
    }

    /// <summary>The request's Idempotency-Key row (Features/Idempotency), unless this request's first save already marked it.</summary>
    private long? UnmarkedIdempotentRequest() =>
        requests.HttpContext?.Items[Features.Idempotency.IdempotentWrites.ItemKey] is long id ? id : null;

    /// <summary>In the write's own transaction: committed with it or not at all, so a retry knows whether it was saved.</summary>
    private async Task MarkAppliedAsync(GovernanceDbContext db, long requestId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.IdempotentRequests.Where(r => r.Id == requestId && r.AppliedAt == null).ExecuteUpdateAsync(u => u.SetProperty(r => r.AppliedAt, now), ct);
        requests.HttpContext!.Items.Remove(Features.Idempotency.IdempotentWrites.ItemKey);
    }

    /// <summary>
    /// Records one entry for a change made outside the change tracker (a bulk insert of many rows), in the caller's
    /// transaction, extending the same chain.
    /// </summary>
    public async Task RecordAsync(GovernanceDbContext db, string entityType, string entityKey, AuditOperation operation, object after, CancellationToken ct)
    {
        var head = await LockedHeadAsync(db, ct);
        Append(db, head, new AuditEntry
        {
            Actor = actor.Name, OccurredAt = AuditChain.Truncate(time.GetUtcNow().UtcDateTime), EntityType = entityType, EntityKey = entityKey,
            Operation = operation, After = JsonSerializer.Serialize(after),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Takes the chain's write lock and reads its head afresh: a context that saved before (a background job's)
    /// still tracks the head as it was then, and another writer may have moved the chain on since.
    /// </summary>
    private static async Task<AuditChainHead> LockedHeadAsync(GovernanceDbContext db, CancellationToken ct)
    {
        await LockChainAsync(db, ct);
        foreach (var stale in db.ChangeTracker.Entries<AuditChainHead>().ToList())
            stale.State = EntityState.Detached;
        return await db.AuditChainHeads.SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
    }

    /// <summary>Seals the entry with the audit key onto the end of the chain and moves the head to it.</summary>
    private AuditEntry Seal(AuditChainHead head, AuditEntry entry)
    {
        AuditChain.Seal(entry, head.Sequence + 1, head.LastHash, key.ForSealing());
        head.Sequence = entry.Sequence;
        head.LastHash = entry.Hash;
        return entry;
    }

    private void Append(GovernanceDbContext db, AuditChainHead head, AuditEntry entry) => db.AuditEntries.Add(Seal(head, entry));

    /// <summary>
    /// Takes the write lock on the chain head for the current transaction. Every audited save takes it first, which
    /// serialises them across connections and hosts; a command that must be alone (a timer sweep) takes it early.
    /// </summary>
    public static Task LockChainAsync(GovernanceDbContext db, CancellationToken ct) =>
        db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence), ct);

    private static bool IsAudited(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && entry.Entity is not AuditEntry and not AuditChainHead
        && entry.Entity is not (IdentityUserToken<string> or IdentityUserLogin<string> or IdentityUserClaim<string>)
        // Machinery, not records: keys that encrypt cookies, stored answers to retried requests (which may hold what
        // the auditor may not read), when a recurring job last ran, and a file's bytes (its attachment's entry names
        // them by SHA-256; the bytes themselves keep the confidentiality of the record they belong to).
        && entry.Entity is not (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey or Features.Idempotency.IdempotentRequest or Jobs.RecurringRun
            or Domain.Documents.AttachmentContent);

    private static PendingChange Capture(EntityEntry entry)
    {
        var operation = entry.State switch
        {
            EntityState.Added => AuditOperation.Created,
            EntityState.Deleted => AuditOperation.Deleted,
            _ when entry.Entity is IArchivable && entry.Property(nameof(IArchivable.ArchivedAt)) is { IsModified: true, OriginalValue: null }
                => AuditOperation.Archived,
            _ => AuditOperation.Updated,
        };
        // Captured before the save, which resets what is modified; keys of new rows are read after it.
        var names = entry.Properties
            .Where(p => operation is AuditOperation.Created or AuditOperation.Deleted || p.IsModified)
            .Select(p => p.Metadata.Name)
            .ToList();
        var before = operation is AuditOperation.Created ? null : Values(entry, names, original: true);
        var key = operation is AuditOperation.Deleted ? KeyOf(entry) : null;
        return new PendingChange(entry, operation, names, before, key);
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static SortedDictionary<string, object?> Values(EntityEntry entry, List<string> names, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var property = entry.Property(name);
            var value = original ? property.OriginalValue : property.CurrentValue;
            // Binary content (a published PDF) is recorded by its hash: the chain proves it, without a copy in every entry.
            values[name] = Redacted.Contains(name) ? "[redacted]"
                : value is byte[] bytes ? $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))} ({bytes.Length} bytes)"
                : value;
        }

        return values;
    }

    private sealed record PendingChange(
        EntityEntry Entry, AuditOperation Operation, List<string> Names, IDictionary<string, object?>? Before, string? DeletedKey)
    {
        public AuditEntry ToEntry(string actor, DateTime now)
        {
            var after = Operation is AuditOperation.Deleted ? null : Values(Entry, Names, original: false);
            return new AuditEntry
            {
                Actor = actor,
                OccurredAt = now,
                EntityType = Entry.Metadata.ShortName(),
                EntityKey = DeletedKey ?? KeyOf(Entry),
                Operation = Operation,
                Before = Before is null ? null : JsonSerializer.Serialize(Before),
                After = after is null ? null : JsonSerializer.Serialize(after),
            };
        }
    }
}
