using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Contracts;
using Governance.Api.Features.Performance;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Reports.Html;
using Governance.Reports.Layout;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work;

/// <summary>
/// One contract's story for its manager: the KPI grid by month (colour and words), trend charts with their figures,
/// the returns waiting for a check (verify, dispute, accept or reject a correction, through ReturnChecks as the API's
/// actions), service credits and open escalations. Read through the caller's exemption filter like every page.
/// </summary>
public sealed class ContractWorkModel(
    GovernanceDbContext db, ContractPerformance performance, ReturnChecks checks, Portal.Work.ReturnForm form, Features.Attachments.AttachmentStore files,
    ContractModifier modifier) : GatedPageModel
{
    private const int Months = 12;

    public Contract Contract { get; private set; } = null!;

    public IReadOnlyList<Indicator> Kpis { get; private set; } = [];

    public IReadOnlyList<DateOnly> Periods { get; private set; } = [];

    public Dictionary<(int Kpi, DateOnly Period), KpiPeriodView> Grid { get; private set; } = [];

    /// <summary>Returns owed for months after the latest return, which the grid does not show.</summary>
    public int OverdueSince { get; private set; }

    public string Charts { get; private set; } = "";

    public IReadOnlyList<Measurement> ToCheck { get; private set; } = [];

    /// <summary>The evidence sent with each return to check.</summary>
    public ILookup<int, Domain.Documents.Attachment> Evidence { get; private set; } = Array.Empty<Domain.Documents.Attachment>().ToLookup(a => a.OwnerId);

    public IReadOnlyList<ServiceCreditView> Credits { get; private set; } = [];

    public IReadOnlyList<Escalation> Escalations { get; private set; } = [];

    public IReadOnlyList<Domain.Performance.PerformanceAssessment> Assessments { get; private set; } = [];

    public IReadOnlyList<Domain.Performance.PerformanceNotice> Notices { get; private set; } = [];

    /// <summary>Changes to the term and money, the latest first.</summary>
    public IReadOnlyList<ContractModification> Modifications { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("Contracts", user.IsInRole);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The manager records a return for one of this contract's KPIs (the API's rules); a red one opens its escalation at once.</summary>
    public async Task<IActionResult> OnPostRecordAsync(int id, int? kpi, string? month, decimal? value, string? note, CancellationToken ct)
    {
        var indicator = kpi is { } kpiId ? await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == kpiId && i.ContractId == id && i.ArchivedAt == null, ct) : null;
        var figure = ModelState.TryGetValue(nameof(value), out var given) && given.Errors.Count > 0 ? null : value;
        if (await form.SendAsync(indicator, month, figure, note, User, Errors, ct) is not null)
            return Redirect($"/work/contracts/{id}?done=recorded#returns");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostVerifyAsync(int id, int measurement, CancellationToken ct) =>
        CheckAsync(id, measurement, () => checks.VerifyAsync(User, Returns(id), measurement, ct), "verified", ct);

    public async Task<IActionResult> OnPostDisputeAsync(int id, int measurement, string? reason, decimal? figure, CancellationToken ct)
    {
        // A figure that is not a number is said to be wrong, not dropped: the dispute would otherwise count as red.
        if (ModelState.TryGetValue(nameof(figure), out var given) && given.Errors.Count > 0)
        {
            Errors[$"reason-{measurement}"] = "Enter your figure as a number, like 91.5, or leave it empty";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return await CheckAsync(id, measurement, () => checks.DisputeAsync(User, Returns(id), measurement, reason, figure, ct), "disputed", ct);
    }

    public Task<IActionResult> OnPostRejectAsync(int id, int measurement, string? reason, CancellationToken ct) =>
        CheckAsync(id, measurement, () => checks.RejectCorrectionAsync(User, Returns(id), measurement, reason, ct), "rejected", ct);

    /// <summary>
    /// The manager changes the contract's end or money (the API's Modify, through the same ContractModifier): recorded
    /// with the reason, refused past s.52, with a UK10 raised in the same save where s.75 requires one.
    /// </summary>
    public async Task<IActionResult> OnPostModifyAsync(int id, string? endOn, decimal? totalValue, decimal? annualValue, decimal? vat, string? reason, CancellationToken ct)
    {
        if (await db.Contracts.SingleOrDefaultAsync(c => c.Id == id, ct) is not { } contract)
            return NotFound();
        var end = OData.ActionParameters.DateOf(endOn?.Trim());
        if (end is null && !string.IsNullOrWhiteSpace(endOn))
            Errors["modify-end"] = "Enter the new end date like 2031-03-31";
        foreach (var money in new[] { nameof(totalValue), nameof(annualValue), nameof(vat) })
        {
            if (ModelState.TryGetValue(money, out var given) && given.Errors.Count > 0)
                Errors[$"modify-{money.ToLowerInvariant()}"] = "Enter an amount in pounds, like 450000, or leave it empty";
        }
        if (Errors.Count == 0)
        {
            try
            {
                var modification = await modifier.ModifyAsync(contract, ContractModifier.Requested(contract, end, totalValue, annualValue, vat), reason, User.Identity?.Name ?? "", ct);
                await db.SaveChangesAsync(ct);
                return Redirect($"/work/contracts/{id}?done={(modification.ChangeNoticeRequired ? "modified-uk10" : "modified")}#modifications");
            }
            catch (BusinessRuleException refused)
            {
                Errors[refused.Rule switch
                {
                    "reason-required" or "reason-too-long" or "contract-status" => "modify-reason",
                    "money-not-negative" or "irrecoverable-vat" or "pa2023-s52-kpis" => "modify-totalvalue",
                    _ => "modify-end",
                }] = refused.Rule == "reason-required" ? "Enter why the contract is modified" : refused.Message;
                Response.StatusCode = refused.IsInvalidInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
                return await LoadAsync(id, ct) ? Page() : NotFound();
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Only this contract's returns: a return of another contract posted here is not found.</summary>
    private IQueryable<Measurement> Returns(int contractId) => db.Measurements.Where(m => m.Indicator!.ContractId == contractId);

    private async Task<IActionResult> CheckAsync(int id, int measurement, Func<Task<ReturnChecks.Outcome>> check, string done, CancellationToken ct)
    {
        try
        {
            var outcome = await check();
            if (outcome.NotFound)
                return NotFound();
            if (outcome.Checked is null)
                return Forbid();
        }
        catch (BusinessRuleException refused)
        {
            Errors[$"reason-{measurement}"] = refused.Rule == "reason-required" ? "Enter why" : refused.Message;
            Response.StatusCode = refused.IsInvalidInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        return Redirect($"/work/contracts/{id}?done={done}#returns");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Contracts.AsNoTracking().Include(c => c.Supplier).SingleOrDefaultAsync(c => c.Id == id, ct) is not { } contract)
            return false;
        Contract = contract;
        Kpis = await db.Indicators.AsNoTracking().Where(i => i.ContractId == id && i.ArchivedAt == null).OrderBy(i => i.Code).ToListAsync(ct);
        var results = await performance.KpiPeriodsAsync(id, ct);
        // The twelve months up to the latest with a return; months owed after it are counted as overdue below the grid.
        var anchor = results.Where(r => r.State != "NotReported").Select(r => r.Period).DefaultIfEmpty(results.Select(r => r.Period).DefaultIfEmpty().Max()).Max();
        Periods = results.Select(r => r.Period).Where(p => p <= anchor).Distinct().OrderDescending().Take(Months).Order().ToList();
        OverdueSince = results.Count(r => r.Period > anchor && r.State == "NotReported");
        Grid = results.Where(r => Periods.Contains(r.Period)).ToDictionary(r => (r.IndicatorId, r.Period));
        Charts = HtmlPaperWriter.Write(new ReportDocument(
            new DocumentInfo(contract.Reference, "", "", "", DateTimeOffset.UnixEpoch),
            [.. Kpis.Select(k => (Block)new LineChart($"{k.Code}: {k.Name}", [.. Periods.Select(p => p.ToString("MMM yy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")))],
                [new ChartSeries("Counted", [.. Periods.Select(p => Grid.TryGetValue((k.Id, p), out var r) && r.CountedValue is { } v ? (double?)v : null)])],
                [new ReferenceLine($"Target {k.Target:0.##}", (double)k.Target, ReferenceKind.Target), new ReferenceLine($"Red {k.RedThreshold:0.##}", (double)k.RedThreshold, ReferenceKind.Red)],
                k.Unit == "%" ? "%" : k.Unit))]));
        var kpiIds = Kpis.Select(k => k.Id).ToList();
        ToCheck = await db.Measurements.AsNoTracking().Where(m => kpiIds.Contains(m.IndicatorId) && !m.Superseded
                && (m.VerificationStatus == VerificationStatus.Unverified || m.VerificationStatus == VerificationStatus.Proposed))
            .OrderByDescending(m => m.PeriodStart).ThenBy(m => m.IndicatorId).Take(30).ToListAsync(ct);
        var checkIds = ToCheck.Select(m => m.Id).ToList();
        Evidence = (await files.Readable(User).Where(a => a.OwnerType == Domain.Documents.AttachmentOwner.Measurement && checkIds.Contains(a.OwnerId)).ToListAsync(ct))
            .ToLookup(a => a.OwnerId);
        Credits = (await performance.ServiceCreditsAsync(id, ct)).OrderByDescending(c => c.Period).Take(Months).ToList();
        Escalations = await db.Escalations.AsNoTracking().Where(e => e.ContractId == id && e.Status != EscalationStatus.Resolved).OrderBy(e => e.OpenedAt).ToListAsync(ct);
        Assessments = await db.PerformanceAssessments.AsNoTracking().Where(a => a.ContractId == id).OrderByDescending(a => a.Year).ThenByDescending(a => a.PublishedAt).ToListAsync(ct);
        Notices = await db.PerformanceNotices.AsNoTracking().Where(n => n.ContractId == id).OrderByDescending(n => n.Id).ToListAsync(ct);
        Modifications = await db.ContractModifications.AsNoTracking().Where(m => m.ContractId == id).OrderByDescending(m => m.Id).ToListAsync(ct);
        return true;
    }

    public string KpiOf(int indicatorId) => Kpis.FirstOrDefault(k => k.Id == indicatorId) is { } k ? $"{k.Code}: {k.Name}" : $"KPI {indicatorId}";

    public static string Tag(string rag) => rag switch { "Green" => "govuk-tag--green", "Amber" => "govuk-tag--yellow", _ => "govuk-tag--red" };
}
