using System.Security.Claims;
using System.Globalization;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Portal.Work;
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
public sealed class SupplierWorkModel(GovernanceDbContext db, ContractPerformance performance, ReturnForm form, MeasurementRecorder recorder, SlipDetector slips, ReturnDeadlines deadlines) : GatedPageModel
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

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    /// <summary>The return's evidence (a call log, a report), attached with it.</summary>
    [BindProperty]
    public IFormFile? Evidence { get; set; }

    /// <summary>The page, or the returns owed as CSV (?format=csv).</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        await LoadAsync(ct);
        return Format != CsvFile.Format ? Page() : CsvFile.Of("returns-owed.csv", ["Contract", "KPI", "Month", "Due by", "Overdue"],
            Returns.Select(o => (IReadOnlyList<string>)
            [
                o.Contract, $"{o.Kpi.Code}: {o.Kpi.Name}", o.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture), o.DueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), o.Overdue ? "Yes" : "No",
            ]));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var kpi = Kpi is { } id ? await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.Contract!.SupplierId == SupplierId && i.SupplierSelfReports, ct) : null;
        if (await form.SendAsync(kpi, Month, Value, Note, User, Errors, ct, Evidence) is not null)
            return RedirectToPage(new { sent = true });
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [BindProperty(SupportsGet = true)]
    public bool Corrected { get; set; }

    /// <summary>
    /// A correction of one of the supplier's own returns: a new version (MeasurementRecorder, as the API's Correct), a
    /// proposal only once the council has checked the return, until a contract manager accepts it.
    /// </summary>
    public async Task<IActionResult> OnPostCorrectAsync(int measurement, string? figure, string? why, CancellationToken ct)
    {
        var current = await db.Measurements.SingleOrDefaultAsync(m => m.Id == measurement && !m.Superseded && m.Indicator!.Contract!.SupplierId == SupplierId, ct);
        if (current is null)
            return NotFound();
        if (!decimal.TryParse(figure, NumberStyles.Number, CultureInfo.GetCultureInfo("en-GB"), out var value))
            Errors["correct-figure"] = "Enter the corrected figure, as a number";
        if (string.IsNullOrWhiteSpace(why))
            Errors["correct-why"] = "Say why the figure was wrong";
        if (Errors.Count == 0)
        {
            try
            {
                await using var transaction = await db.Database.BeginUnlessInOneAsync(ct);
                await recorder.CorrectAsync(current, value, why!.Trim(), User, ct);
                await db.SaveChangesAsync(ct);
                await slips.DetectForContractAsync(await db.Indicators.Where(i => i.Id == current.IndicatorId).Select(i => i.ContractId!.Value).SingleAsync(ct), ct);
                await transaction.CommitIfOwnAsync(ct);
                return Redirect("/work/supplier?corrected=true#recent");
            }
            catch (BusinessRuleException refused)
            {
                db.ChangeTracker.Clear();
                Errors["correct-figure"] = refused.Message;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
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
