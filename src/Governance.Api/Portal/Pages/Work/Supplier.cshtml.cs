using System.Security.Claims;
using System.Globalization;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work;

/// <summary>
/// A supplier's own contracts: their KPIs, the returns it owes and by when, its recent returns with the council's
/// check, and a form to send a return. The supplier is the account's (the API's object-level scope); a return is
/// checked and stamped by MeasurementRecorder and checked for slips, as the API's POST /odata/Measurements does.
/// </summary>
public sealed class SupplierWorkModel(GovernanceDbContext db, ContractPerformance performance, MeasurementRecorder recorder, SlipDetector slips, ReturnDeadlines deadlines) : GatedPageModel
{
    public sealed record Owed(Indicator Kpi, string Contract, DateOnly Period, DateOnly DueBy, bool Overdue);

    public IReadOnlyList<Contract> Contracts { get; private set; } = [];

    public IReadOnlyList<Indicator> SelfReported { get; private set; } = [];

    public IReadOnlyList<Owed> Returns { get; private set; } = [];

    public IReadOnlyList<Measurement> Recent { get; private set; } = [];

    [BindProperty]
    public int? Kpi { get; set; }

    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public decimal? Value { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    private int SupplierId => User.SupplierScope()!.Value;

    protected override bool MayUse(ClaimsPrincipal user) => user.SupplierScope() is not null;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var kpi = Kpi is { } id ? await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.Contract!.SupplierId == SupplierId && i.SupplierSelfReports, ct) : null;
        if (kpi is null)
            Errors["kpi"] = "Choose the KPI the return is for";
        if (!DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var period))
            Errors["month"] = "Enter the month the return is for, for example 2026-10";
        if (Value is null)
            Errors["value"] = "Enter the figure, as a number";
        if (Errors.Count == 0)
        {
            var measurement = new Measurement { IndicatorId = kpi!.Id, PeriodStart = period, Value = Value!.Value, Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim() };
            try
            {
                await using var transaction = await db.Database.BeginUnlessInOneAsync(ct);
                await recorder.PrepareAsync(measurement, User, ct);
                db.Measurements.Add(measurement);
                await db.SaveChangesAsync(ct);
                await slips.DetectForContractAsync(kpi.ContractId!.Value, ct);
                await transaction.CommitIfOwnAsync(ct);
                return RedirectToPage(new { sent = true });
            }
            catch (BusinessRuleException refused)
            {
                db.ChangeTracker.Clear();
                Errors[refused.Rule.StartsWith("period", StringComparison.Ordinal) ? "month" : "value"] = refused.Message;
            }
        }
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Contracts = await db.Contracts.AsNoTracking().Where(c => c.SupplierId == SupplierId).OrderBy(c => c.Reference).ToListAsync(ct);
        var ids = Contracts.Select(c => c.Id).ToList();
        SelfReported = await db.Indicators.AsNoTracking().Where(i => i.ContractId != null && ids.Contains(i.ContractId.Value) && i.SupplierSelfReports && i.ArchivedAt == null)
            .OrderBy(i => i.Code).ToListAsync(ct);
        var owed = new List<Owed>();
        foreach (var contract in Contracts)
        {
            var results = await performance.KpiPeriodsAsync(contract.Id, ct);
            foreach (var kpi in SelfReported.Where(k => k.ContractId == contract.Id))
            {
                var mine = results.Where(r => r.IndicatorId == kpi.Id).ToList();
                owed.AddRange(mine.Where(r => r.State == "NotReported").Select(r => new Owed(kpi, contract.Reference, r.Period, deadlines.DueDate(kpi.Frequency, r.Period), true)));
                // The next one: the month after the latest in the record, while the contract runs.
                var next = mine.Count == 0 ? new DateOnly(contract.StartOn.Year, contract.StartOn.Month, 1) : mine.Max(r => r.Period).AddMonths(1);
                if (next <= contract.EndOn && next <= deadlines.Today)
                    owed.Add(new Owed(kpi, contract.Reference, next, deadlines.DueDate(kpi.Frequency, next), false));
            }
        }
        Returns = [.. owed.OrderBy(o => o.DueBy).Take(50)];
        var kpiIds = SelfReported.Select(k => k.Id).ToList();
        Recent = await db.Measurements.AsNoTracking().Where(m => kpiIds.Contains(m.IndicatorId) && !m.Superseded).OrderByDescending(m => m.RecordedAt).Take(20).ToListAsync(ct);
    }

    public string KpiOf(int id) => SelfReported.FirstOrDefault(k => k.Id == id) is { } k ? $"{k.Code}: {k.Name}" : $"KPI {id}";
}
