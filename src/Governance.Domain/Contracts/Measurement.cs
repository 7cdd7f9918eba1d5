using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Contracts;

public enum MeasurementSource
{
    ContractManager,
    Supplier,
    SlaMonitor,
}

public enum VerificationStatus
{
    Unverified,
    Verified,
    Disputed,
}

/// <summary>
/// One period's value of an indicator. Append-only: a correction is a new row with a higher version that
/// points at the row it supersedes; nothing is updated or deleted.
/// </summary>
public class Measurement : Entity
{
    public int IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    /// <summary>First day of the period measured.</summary>
    public DateOnly PeriodStart { get; set; }

    public decimal Value { get; set; }

    [MaxLength(2000)]
    public string? Note { get; set; }

    [ServerManaged]
    public MeasurementSource Source { get; set; }

    [ServerManaged]
    public VerificationStatus VerificationStatus { get; set; }

    [ServerManaged, MaxLength(256)]
    public string RecordedBy { get; set; } = "";

    [ServerManaged]
    public DateTime RecordedAt { get; set; }

    [ServerManaged]
    public int Version { get; set; } = 1;

    [ServerManaged]
    public int? SupersedesId { get; set; }

    /// <summary>A later version corrects this one; reports use the current version only.</summary>
    [ServerManaged]
    public bool Superseded { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? VerifiedBy { get; set; }

    [ServerManaged]
    public DateTime? VerifiedAt { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? DisputeReason { get; set; }
}
