using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Features.Idempotency;

/// <summary>
/// A write sent with an Idempotency-Key: claimed before it runs, marked applied in the write's own transaction, and
/// holding the answer once it is given, for a day. Infrastructure, not a record of the council: expired rows are deleted.
/// </summary>
public class IdempotentRequest
{
    public long Id { get; set; }

    /// <summary>Whose key: two users' keys never meet.</summary>
    [MaxLength(256)]
    public string Principal { get; set; } = "";

    [MaxLength(200)]
    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the method, path, query and body: the same key with another request is refused.</summary>
    [MaxLength(64)]
    public string RequestHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>While this is in the future a request holds the key; after it (the host died) a retry may take it over.</summary>
    public DateTime ClaimedUntil { get; set; }

    /// <summary>Set in the transaction that saved the write: a retry then never writes again, even if the answer was lost.</summary>
    public DateTime? AppliedAt { get; set; }

    public int? Status { get; set; }

    [MaxLength(200)]
    public string? ContentType { get; set; }

    [MaxLength(2000)]
    public string? Location { get; set; }

    public string? Body { get; set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.HasIndex(r => new { r.Principal, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
