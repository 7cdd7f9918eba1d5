using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
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

    /// <summary>A supplier's correction of a return the council has checked: it counts only once a contract manager accepts it.</summary>
    Proposed,

    /// <summary>A proposed correction the contract manager turned down; kept as a record, never counted.</summary>
    Rejected,
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

    /// <summary>The contract manager's own figure for a disputed return: the period counts at this, never at the supplier's figure.</summary>
    [ServerManaged]
    public decimal? ContractManagerValue { get; set; }

    /// <summary>The version that counts for its period: not corrected since, and not a correction still proposed or rejected.</summary>
    public static readonly Expression<Func<Measurement, bool>> IsCurrent = m =>
        !m.Superseded && m.VerificationStatus != VerificationStatus.Proposed && m.VerificationStatus != VerificationStatus.Rejected;

    /// <summary>
    /// The version of one KPI period's return that counted at an instant, with its verification state then (a paper is
    /// "as at" its meeting). A version counts from when it was recorded, except a supplier's proposed correction of a
    /// checked return, which counts from its acceptance; a check made later had not been made then.
    /// </summary>
    /// <param name="versions">Every version of one KPI's return for one period.</param>
    public static (Measurement Version, VerificationStatus Status)? CountingAt(IReadOnlyCollection<Measurement> versions, DateTime at)
    {
        var byId = versions.ToDictionary(v => v.Id);
        foreach (var version in versions.OrderByDescending(v => v.Version))
        {
            if (version.VerificationStatus is VerificationStatus.Proposed or VerificationStatus.Rejected)
                continue;
            var wasProposal = version.SupersedesId is { } previous && byId.TryGetValue(previous, out var corrected)
                && corrected.VerificationStatus is VerificationStatus.Verified or VerificationStatus.Disputed && version.VerifiedAt is not null;
            var countsFrom = wasProposal ? version.VerifiedAt!.Value : version.RecordedAt;
            if (countsFrom > at)
                continue;
            var status = version.VerifiedAt is { } checkedAt && checkedAt > at ? VerificationStatus.Unverified : version.VerificationStatus;
            return (version, status);
        }
        return null;
    }

    public bool Counts => !Superseded && VerificationStatus is not (VerificationStatus.Proposed or VerificationStatus.Rejected);

    /// <summary>A value within the range of its KPI's unit: not negative, and at most 100 for a percentage.</summary>
    public static void CheckValue(decimal value, string unit, string field = nameof(Value))
    {
        if (value < 0)
            throw new BusinessRuleException("measurement-value-range", $"{field} ({value}) cannot be negative.", isInvalidInput: true);
        if (Indicator.IsPercentage(unit) && value > 100)
            throw new BusinessRuleException("measurement-value-range", $"{field} ({value}) is a percentage: between 0 and 100.", isInvalidInput: true);
    }

    /// <summary>A contract manager accepts the return as evidence.</summary>
    public void Verify(string by, DateTime nowUtc)
    {
        RefuseUnlessCurrent();
        VerificationStatus = VerificationStatus.Verified;
        DisputeReason = null;
        ContractManagerValue = null;
        (VerifiedBy, VerifiedAt) = (by, nowUtc);
    }

    /// <summary>A contract manager does not accept the return; the period counts at the manager's figure, or red without one.</summary>
    public void Dispute(string? reason, decimal? contractManagerValue, string unit, string by, DateTime nowUtc)
    {
        RefuseUnlessCurrent();
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Say why the return is disputed.", isInvalidInput: true);
        if (contractManagerValue is { } figure)
            CheckValue(figure, unit, nameof(ContractManagerValue));
        VerificationStatus = VerificationStatus.Disputed;
        DisputeReason = reason.Trim();
        ContractManagerValue = contractManagerValue;
        (VerifiedBy, VerifiedAt) = (by, nowUtc);
    }

    /// <summary>
    /// A correction of this return. The supplier may correct its own unchecked return; once the council has verified or
    /// disputed it, the supplier's figure only becomes a proposal that a contract manager accepts or rejects.
    /// </summary>
    public Measurement Correct(decimal value, string? note, bool bySupplier, MeasurementSource source, string by, DateTime nowUtc)
    {
        RefuseUnlessCurrent();
        var proposal = bySupplier && VerificationStatus is VerificationStatus.Verified or VerificationStatus.Disputed;
        var correction = new Measurement
        {
            IndicatorId = IndicatorId, PeriodStart = PeriodStart, Value = value, Note = note, SupersedesId = Id, Version = Version + 1,
            Source = source, RecordedBy = by, RecordedAt = nowUtc,
            VerificationStatus = proposal ? VerificationStatus.Proposed : bySupplier ? VerificationStatus.Unverified : VerificationStatus.Verified,
        };
        if (!proposal)
            Superseded = true;
        return correction;
    }

    /// <summary>A contract manager accepts a supplier's proposed correction: it replaces the return it corrects.</summary>
    public void AcceptCorrection(Measurement corrected, string by, DateTime nowUtc)
    {
        RefuseUnlessProposed(corrected);
        corrected.Superseded = true;
        VerificationStatus = VerificationStatus.Verified;
        (VerifiedBy, VerifiedAt) = (by, nowUtc);
    }

    /// <summary>A contract manager turns down a proposed correction; the return it would have corrected still counts.</summary>
    public void RejectCorrection(string? reason, string by, DateTime nowUtc)
    {
        RefuseUnlessProposed(null);
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Say why the correction is rejected.", isInvalidInput: true);
        VerificationStatus = VerificationStatus.Rejected;
        DisputeReason = reason.Trim();
        (VerifiedBy, VerifiedAt) = (by, nowUtc);
    }

    private void RefuseUnlessCurrent()
    {
        if (Superseded)
            throw new BusinessRuleException("correct-latest", "This version has been corrected; act on the latest version.");
        if (VerificationStatus is VerificationStatus.Proposed or VerificationStatus.Rejected)
            throw new BusinessRuleException("correction-request", $"This row is a {VerificationStatus.ToString().ToLowerInvariant()} correction, not a return: accept or reject a proposed correction instead.");
    }

    private void RefuseUnlessProposed(Measurement? corrected)
    {
        if (VerificationStatus != VerificationStatus.Proposed)
            throw new BusinessRuleException("correction-request", "Only a proposed correction is accepted or rejected.");
        if (corrected is not null && (corrected.Id != SupersedesId || corrected.Superseded))
            throw new BusinessRuleException("correct-latest", "The return this correction was proposed for has since been corrected; the supplier should propose again.");
    }
}
