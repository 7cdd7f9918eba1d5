using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Domain.Audit;

/// <summary>
/// A signed statement, kept outside the database, of how long the audit chain was and how it ended at a moment.
/// Deleting entries from the end of the chain, or rewriting it, no longer matches a checkpoint written before.
/// </summary>
/// <param name="KeyedFrom">The first entry sealed with the key (earlier ones are the chain's legacy prefix).</param>
public sealed record AuditCheckpoint(long Sequence, string HeadHash, long KeyedFrom, DateTime At, string Signature = "")
{
    public AuditCheckpoint Sign(byte[] key) => this with { Signature = SignatureFor(key) };

    public bool IsSignedBy(byte[] key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature), Encoding.ASCII.GetBytes(SignatureFor(key)));

    /// <summary>
    /// Why the chain as it stands contradicts this checkpoint, or null when it agrees: the chain must still hold the
    /// entry the checkpoint ended at, with the same hash, sealed with the key from the same entry.
    /// </summary>
    /// <param name="hashAtSequence">The chain's hash at <see cref="Sequence"/>, or null when the chain is shorter.</param>
    public string? Contradiction(long entries, string? hashAtSequence, long keyedFrom)
    {
        var when = At.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (entries < Sequence)
            return $"the checkpoint of {when} recorded {Sequence} entries; the trail now has {entries}: entries were removed from its end";
        if (hashAtSequence != HeadHash)
            return $"entry {Sequence} does not match the checkpoint of {when}: the trail was rewritten";
        return keyedFrom != KeyedFrom ? $"the checkpoint of {when} records keyed sealing from entry {KeyedFrom}, the trail from {keyedFrom}" : null;
    }

    private string SignatureFor(byte[] key)
    {
        var canonical = string.Join('|', Sequence.ToString(CultureInfo.InvariantCulture), HeadHash, KeyedFrom.ToString(CultureInfo.InvariantCulture),
            At.ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }
}
