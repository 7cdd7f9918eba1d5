using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

/// <summary>
/// The rules of recording a return, shared by the API, the CSV import and corrections: a supplier only for its own
/// self-reported indicators (and unverified until checked), one record per period, corrections as new versions.
/// </summary>
public sealed class MeasurementRecorder(GovernanceDbContext db, TimeProvider time)
{
    /// <summary>Checks a new return and stamps it; throws the rule it breaks.</summary>
    public async Task<Indicator> PrepareAsync(Measurement entity, ClaimsPrincipal user, CancellationToken ct)
    {
        var supplierId = user.SupplierScope();
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Contract).SingleOrDefaultAsync(i => i.Id == entity.IndicatorId, ct);
        // A supplier learns nothing about indicators that are not its own: they "do not exist".
        if (indicator is null || (supplierId is not null && indicator.Contract?.SupplierId != supplierId))
            throw new BusinessRuleException("UnknownReference", $"IndicatorId {entity.IndicatorId} does not refer to an existing Indicator.", isInvalidInput: true);
        if (supplierId is not null && !indicator.SupplierSelfReports)
            throw new BusinessRuleException("not-self-reported", "This indicator is recorded by the contract manager, not by the supplier.");
        if (entity.PeriodStart.Day != 1)
            throw new BusinessRuleException("period-start", "PeriodStart is the first day of the period (e.g. 2026-10-01).", isInvalidInput: true);
        if (entity.PeriodStart > Governance.Domain.Calendar.LondonTime.DateOf(time.GetUtcNow().UtcDateTime))
            throw new BusinessRuleException("period-in-future", $"The period starting {entity.PeriodStart:d MMMM yyyy} has not begun; returns are for periods under way or past.", isInvalidInput: true);
        if (await db.Measurements.AnyAsync(m => m.IndicatorId == entity.IndicatorId && m.PeriodStart == entity.PeriodStart, ct)
            || db.Measurements.Local.Any(m => m.IndicatorId == entity.IndicatorId && m.PeriodStart == entity.PeriodStart && m != entity))
        {
            throw new BusinessRuleException("period-recorded-once",
                $"A value for {entity.PeriodStart:yyyy-MM-dd} is already recorded for this indicator. Record a correction as a new version of it instead (POST /odata/Measurements(id)/Governance.Correct).");
        }

        Stamp(entity, user, version: 1);
        return indicator;
    }

    /// <summary>A correction: a new version of the current return, which is marked superseded.</summary>
    public async Task<Measurement> CorrectAsync(Measurement current, decimal value, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        if (current.Superseded)
            throw new BusinessRuleException("correct-latest", "This version has already been corrected; correct the latest version.");
        var supplierId = user.SupplierScope();
        if (supplierId is not null && !await db.Indicators.AnyAsync(i => i.Id == current.IndicatorId && i.SupplierSelfReports, ct))
            throw new BusinessRuleException("not-self-reported", "This indicator is recorded by the contract manager, not by the supplier.");
        var correction = new Measurement { IndicatorId = current.IndicatorId, PeriodStart = current.PeriodStart, Value = value, Note = note, SupersedesId = current.Id };
        Stamp(correction, user, current.Version + 1);
        current.Superseded = true;
        db.Measurements.Add(correction);
        return correction;
    }

    private void Stamp(Measurement entity, ClaimsPrincipal user, int version)
    {
        var isSupplier = user.SupplierScope() is not null;
        entity.Source = isSupplier ? MeasurementSource.Supplier
            : user.IsInRole(Roles.SlaOwner) && !user.IsInRole(Roles.ContractManager) ? MeasurementSource.SlaMonitor
            : MeasurementSource.ContractManager;
        // A supplier's own return is unverified until a contract manager verifies or disputes it.
        entity.VerificationStatus = isSupplier ? VerificationStatus.Unverified : VerificationStatus.Verified;
        entity.RecordedBy = user.Identity?.Name ?? "";
        entity.RecordedAt = time.GetUtcNow().UtcDateTime;
        entity.Version = version;
    }
}
