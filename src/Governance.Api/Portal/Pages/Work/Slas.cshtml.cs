using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work;

/// <summary>
/// The SLA owner's internal SLAs: who provides and who receives the service, the standards with their latest figure,
/// breaches (the escalations the SLA's slips opened, with the rung they reached), the enforcement route and the review
/// date (flagged when past). Who may use it is the API's rule for writing internal SLAs; reads go through the filter.
/// </summary>
public sealed class SlasModel(GovernanceDbContext db, TimeProvider time) : GatedPageModel
{
    public sealed record Standard(Indicator Kpi, Measurement? Latest);

    public sealed record Row(InternalSla Sla, IReadOnlyList<Standard> Standards, IReadOnlyList<Escalation> Breaches);

    public IReadOnlyList<Row> Slas { get; private set; } = [];

    public DateOnly Today { get; private set; }

    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("InternalSlas", user.IsInRole);

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        Today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var slas = await db.InternalSlas.AsNoTracking().Where(s => s.ArchivedAt == null)
            .Include(s => s.ProviderDepartment).Include(s => s.ConsumerDepartment).OrderBy(s => s.ReviewOn).ToListAsync(ct);
        var ids = slas.Select(s => s.Id).ToList();
        var standards = await db.Indicators.AsNoTracking().Where(i => i.InternalSlaId != null && ids.Contains(i.InternalSlaId.Value) && i.ArchivedAt == null).OrderBy(i => i.Code).ToListAsync(ct);
        var standardIds = standards.Select(s => s.Id).ToList();
        var latest = (await db.Measurements.AsNoTracking().Where(m => standardIds.Contains(m.IndicatorId)).Where(Measurement.IsCurrent).ToListAsync(ct))
            .GroupBy(m => m.IndicatorId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.PeriodStart));
        var breaches = (await db.Escalations.AsNoTracking().Where(e => e.InternalSlaId != null && ids.Contains(e.InternalSlaId.Value)).OrderByDescending(e => e.OpenedAt).ToListAsync(ct))
            .ToLookup(e => e.InternalSlaId!.Value);
        Slas = slas.Select(s => new Row(s, [.. standards.Where(k => k.InternalSlaId == s.Id).Select(k => new Standard(k, latest.GetValueOrDefault(k.Id)))], [.. breaches[s.Id]])).ToList();
        return Format == CsvFile.Format ? Csv() : Page();
    }

    /// <summary>One line per standard, its SLA's fields repeated, so a spreadsheet can filter and sort them.</summary>
    private FileContentResult Csv()
    {
        static string Text(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return CsvFile.Of($"internal-slas-{Today:yyyy-MM-dd}.csv",
            ["SLA", "Provider", "Receiver", "Review on", "Enforcement route", "Open breaches", "Standard", "Target", "Red at", "Latest month", "Latest figure"],
            Slas.SelectMany(r => (r.Standards.Count == 0 ? [null] : r.Standards.Cast<Standard?>()).Select(k => (IReadOnlyList<string>)
            [
                r.Sla.Title, r.Sla.ProviderDepartment?.Name ?? "", r.Sla.ConsumerDepartment?.Name ?? "", r.Sla.ReviewOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                r.Sla.EnforcementRoute, $"{r.Breaches.Count(b => b.Status != EscalationStatus.Resolved)}", k is null ? "" : $"{k.Kpi.Code}: {k.Kpi.Name}",
                k is null ? "" : Text(k.Kpi.Target), k is null ? "" : Text(k.Kpi.RedThreshold), k?.Latest?.PeriodStart.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                k?.Latest is { } m ? Text(m.Value) : "",
            ])));
    }
}
