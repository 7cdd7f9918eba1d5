using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Domain.Audit;

/// <summary>
/// The audit trail's hash chain: how an entry is sealed, and how the chain is checked. Entries are sealed with an
/// HMAC-SHA-256 under a key held outside the database, so that someone who can edit the database cannot recompute the
/// hashes after an edit; entries written before the key (a chain's legacy prefix) were sealed with plain SHA-256.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    public static void Seal(AuditEntry entry, long sequence, string previousHash, byte[]? key = null)
    {
        entry.Sequence = sequence;
        entry.PreviousHash = previousHash;
        entry.Hash = ComputeHash(entry, key);
    }

    /// <param name="key">The chain's key; null only for entries sealed before the chain had one.</param>
    public static string ComputeHash(AuditEntry entry, byte[]? key = null)
    {
        // Fields are length-prefixed so that no two different entries share a canonical form.
        var canonical = new StringBuilder();
        Append(canonical, entry.PreviousHash);
        Append(canonical, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(canonical, entry.Actor);
        Append(canonical, entry.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Append(canonical, entry.EntityType);
        Append(canonical, entry.EntityKey);
        Append(canonical, entry.Operation.ToString());
        Append(canonical, entry.Before);
        Append(canonical, entry.After);
        var bytes = Encoding.UTF8.GetBytes(canonical.ToString());
        return Convert.ToHexStringLower(key is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(key, bytes));
    }

    /// <summary>Walks entries in sequence order and returns the first that does not link, or null when all do.</summary>
    public static AuditBreak? FindFirstBreak(IEnumerable<AuditEntry> entriesInSequence, byte[]? key = null)
    {
        var expectedPrevious = Genesis;
        var expectedSequence = 1L;
        foreach (var entry in entriesInSequence)
        {
            if (CheckLink(entry, expectedSequence, expectedPrevious, key) is { } broken)
                return broken;
            expectedPrevious = entry.Hash;
            expectedSequence++;
        }

        return null;
    }

    /// <summary>Checks one entry against the position and hash the chain expects of it.</summary>
    public static AuditBreak? CheckLink(AuditEntry entry, long expectedSequence, string expectedPrevious, byte[]? key = null)
    {
        if (entry.Sequence != expectedSequence)
            return new AuditBreak(entry.Id, entry.Sequence, $"expected sequence {expectedSequence}, found {entry.Sequence}");
        if (entry.PreviousHash != expectedPrevious)
            return new AuditBreak(entry.Id, entry.Sequence, "previous hash does not match the entry before it");
        if (ComputeHash(entry, key) != entry.Hash)
            return new AuditBreak(entry.Id, entry.Sequence, "content does not match its hash");
        return null;
    }

    private static void Append(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("-1:");
            return;
        }

        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
    }
}

/// <summary>Where the chain first fails to verify, and why.</summary>
public sealed record AuditBreak(long EntryId, long Sequence, string Reason);
