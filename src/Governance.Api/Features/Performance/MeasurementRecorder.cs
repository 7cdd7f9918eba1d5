using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

/// <summary>
/// The rules of recording a return, shared by the API, the CSV import and corrections: a supplier only for its own
/// self-reported KPIs (and unverified until checked), contract managers on contract KPIs, SLA owners on SLA standards;
/// one record per period, inside the contract's term; values in range; corrections as new versions.
/// </summary>
public sealed class MeasurementRecorder(GovernanceDbContext db, TimeProvider time)
{
    /// <summary>Checks a new return and stamps it; throws the rule it breaks.</summary>
    public async Task<Indicator> PrepareAsync(Measurement entity, ClaimsPrincipal user, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Contract).SingleOrDefaultAsync(i => i.Id == entity.IndicatorId, ct);
        var recorded = await db.Measurements.AnyAsync(m => m.IndicatorId == entity.IndicatorId && m.PeriodStart == entity.PeriodStart, ct)
            || db.Measurements.Local.Any(m => m.IndicatorId == entity.IndicatorId && m.PeriodStart == entity.PeriodStart && m != entity);
        Check(indicator, entity, user, recorded);
        return indicator!;
    }

    /// <summary>
    /// The rules of a new return over what the caller has already read (the indicator with its contract, and whether the
    /// period is recorded): the API asks per return, the import per file with one query for all its rows.
    /// </summary>
    public void Check(Indicator? indicator, Measurement entity, ClaimsPrincipal user, bool alreadyRecorded)
    {
        RefuseActor(indicator, entity.IndicatorId, user);
        if (entity.PeriodStart.Day != 1)
            throw new BusinessRuleException("period-start", "PeriodStart is the first day of the period (e.g. 2026-10-01).", isInvalidInput: true);
        if (entity.PeriodStart > Governance.Domain.Calendar.LondonTime.DateOf(time.GetUtcNow().UtcDateTime))
            throw new BusinessRuleException("period-in-future", $"The period starting {entity.PeriodStart:d MMMM yyyy} has not begun; returns are for periods under way or past.", isInvalidInput: true);
        if (indicator!.Contract is { } contract && (entity.PeriodStart.AddMonths(1) <= contract.StartOn || entity.PeriodStart > contract.EndOn))
        {
            throw new BusinessRuleException("period-in-term",
                $"The period starting {entity.PeriodStart:d MMMM yyyy} is outside the contract's term ({contract.StartOn:d MMMM yyyy} to {contract.EndOn:d MMMM yyyy}).", isInvalidInput: true);
        }

        Measurement.CheckValue(entity.Value, indicator.Unit);
        if (alreadyRecorded)
        {
            throw new BusinessRuleException("period-recorded-once",
                $"A value for {entity.PeriodStart:yyyy-MM-dd} is already recorded for this indicator. Record a correction as a new version of it instead (POST /odata/Measurements(id)/Governance.Correct).");
        }

        Stamp(entity, user, version: 1);
    }

    /// <summary>
    /// A correction: a new version of the current return, which it supersedes; a supplier's correction of a return the
    /// council has verified or disputed is only a proposal until a contract manager accepts it.
    /// </summary>
    public async Task<Measurement> CorrectAsync(Measurement current, decimal value, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Contract).SingleAsync(i => i.Id == current.IndicatorId, ct);
        RefuseActor(indicator, current.IndicatorId, user);
        Measurement.CheckValue(value, indicator.Unit);
        var bySupplier = user.SupplierScope() is not null;
        var correction = current.Correct(value, note, bySupplier, SourceOf(user), user.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime);
        db.Measurements.Add(correction);
        return correction;
    }

    /// <summary>Who may record on this KPI: its supplier on its own self-reported KPIs, contract managers on contract KPIs, SLA owners on SLA standards.</summary>
    public static void RefuseActor(Indicator? indicator, int indicatorId, ClaimsPrincipal user)
    {
        var supplierId = user.SupplierScope();
        // A supplier learns nothing about indicators that are not its own: they "do not exist".
        if (indicator is null || (supplierId is not null && indicator.Contract?.SupplierId != supplierId))
            throw new BusinessRuleException("UnknownReference", $"IndicatorId {indicatorId} does not refer to an existing Indicator.", isInvalidInput: true);
        if (supplierId is not null && !indicator.SupplierSelfReports)
            throw new BusinessRuleException("not-self-reported", "This indicator is recorded by the contract manager, not by the supplier.");
        if (supplierId is null && indicator.ContractId is not null && !user.IsInRole(Roles.ContractManager))
            throw new BusinessRuleException("contract-kpi-role", "A contract manager records returns on a contract's KPIs; SLA owners act on internal SLAs only.");
        if (supplierId is null && indicator.InternalSlaId is not null && !user.IsInRole(Roles.SlaOwner))
            throw new BusinessRuleException("sla-standard-role", "An SLA owner records returns on an internal SLA's standards.");
    }

    private static MeasurementSource SourceOf(ClaimsPrincipal user) =>
        user.SupplierScope() is not null ? MeasurementSource.Supplier
        : user.IsInRole(Roles.SlaOwner) && !user.IsInRole(Roles.ContractManager) ? MeasurementSource.SlaMonitor
        : MeasurementSource.ContractManager;

    private void Stamp(Measurement entity, ClaimsPrincipal user, int version)
    {
        entity.Source = SourceOf(user);
        // A supplier's own return is unverified until a contract manager verifies or disputes it.
        entity.VerificationStatus = user.SupplierScope() is not null ? VerificationStatus.Unverified : VerificationStatus.Verified;
        entity.RecordedBy = user.Identity?.Name ?? "";
        entity.RecordedAt = time.GetUtcNow().UtcDateTime;
        entity.Version = version;
    }
}
