using System.ComponentModel.DataAnnotations;

namespace Governance.Domain.Common;

/// <summary>A persisted record with a database-generated key and an optimistic-concurrency revision.</summary>
public abstract class Entity
{
    [ServerManaged]
    public int Id { get; set; }

    /// <summary>Bumped on every update; surfaced to clients as the OData ETag.</summary>
    [ServerManaged, ConcurrencyCheck]
    public long Revision { get; set; }
}
