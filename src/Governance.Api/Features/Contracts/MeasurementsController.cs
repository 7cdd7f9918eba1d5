using System.Linq.Expressions;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

/// <summary>Measurements are append-only: no update or delete is routed at all.</summary>
public sealed class MeasurementsController(GovernanceDbContext db, TimeProvider time) : AppendOnlyEntitySetController<Measurement>(db)
{
    protected override Expression<Func<Measurement, bool>> SupplierRows(int supplierId) =>
        m => m.Indicator!.Contract!.SupplierId == supplierId;

    protected override async Task<IActionResult?> BeforeCreateAsync(Measurement entity, CancellationToken ct)
    {
        var supplierId = User.SupplierScope();
        var indicator = await Db.Indicators.AsNoTracking()
            .Where(i => i.Id == entity.IndicatorId)
            .Select(i => new { i.SupplierSelfReports, SupplierId = (int?)i.Contract!.SupplierId })
            .SingleOrDefaultAsync(ct);
        // A supplier learns nothing about indicators that are not its own: they "do not exist".
        if (indicator is null || (supplierId is not null && indicator.SupplierId != supplierId))
            return ODataErrors.BadRequest("UnknownReference", $"IndicatorId {entity.IndicatorId} does not refer to an existing Indicator.");
        if (supplierId is not null && !indicator.SupplierSelfReports)
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "not-self-reported", "This indicator is recorded by the contract manager, not by the supplier.");
        if (await Db.Measurements.AnyAsync(m => m.IndicatorId == entity.IndicatorId && m.PeriodStart == entity.PeriodStart, ct))
        {
            return ODataErrors.Error(StatusCodes.Status409Conflict, "period-recorded-once",
                $"A value for {entity.PeriodStart:yyyy-MM-dd} is already recorded for this indicator. Record a correction as a new version of it instead.");
        }

        entity.Source = supplierId is not null ? MeasurementSource.Supplier
            : User.IsInRole(Roles.SlaOwner) && !User.IsInRole(Roles.ContractManager) ? MeasurementSource.SlaMonitor
            : MeasurementSource.ContractManager;
        // A supplier's own return is unverified until a contract manager verifies or disputes it.
        entity.VerificationStatus = supplierId is not null ? VerificationStatus.Unverified : VerificationStatus.Verified;
        entity.RecordedBy = User.Identity?.Name ?? "";
        entity.RecordedAt = time.GetUtcNow().UtcDateTime;
        entity.Version = 1;
        return null;
    }
}
