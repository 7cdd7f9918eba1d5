using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Api.Portal.Work;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Contracts;

/// <summary>
/// The contract register with the Local Government Transparency Code 2015's fields, and each contract's published
/// annual performance rating (the UK9 assessment), through the exemption filter as every read. Drafts are not
/// contracts yet and are left out.
/// </summary>
public sealed class ContractRegisterModel(GovernanceDbContext db, ContractPerformance performance) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(string Reference, string Title, string Department, string Supplier, string? CompanyNumber, bool Sme, bool Vcse,
        decimal Value, decimal IrrecoverableVat, DateOnly Start, DateOnly End, DateOnly? Review, ContractStatus Status, string? Rating, int? RatedYear, LatestKpis? Kpis);

    public IReadOnlyList<Row> Contracts { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Pages { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        await LoadAsync(all: Format is not null, ct);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return Format is null ? Page() : CsvFile.Of("contract-register.csv",
            ["Reference", "Title", "Department", "Supplier", "Company number", "SME", "VCSE", "Value", "Irrecoverable VAT", "Start", "End", "Review", "Status", "Latest KPI month", "Green", "Amber", "Red", "Rating (UK9)", "Rated year"],
            Contracts.Select(c => (IReadOnlyList<string>)[c.Reference, c.Title, c.Department, c.Supplier, c.CompanyNumber ?? "", c.Sme ? "Yes" : "No", c.Vcse ? "Yes" : "No",
                c.Value.ToString("0.00", invariant), c.IrrecoverableVat.ToString("0.00", invariant), c.Start.ToString("yyyy-MM-dd", invariant), c.End.ToString("yyyy-MM-dd", invariant),
                c.Review?.ToString("yyyy-MM-dd", invariant) ?? "", c.Status.ToString(), c.Kpis?.Period.ToString("yyyy-MM", invariant) ?? "", $"{c.Kpis?.Green}", $"{c.Kpis?.Amber}", $"{c.Kpis?.Red}",
                c.Rating ?? "", c.RatedYear?.ToString(invariant) ?? ""]));
    }

    /// <param name="all">Every page (the CSV), or the page asked for.</param>
    private async Task LoadAsync(bool all, CancellationToken ct)
    {
        var listed = db.Contracts.AsNoTracking().Where(c => c.Status != ContractStatus.Draft);
        Pages = Math.Max(1, (int)Math.Ceiling(await listed.CountAsync(ct) / (double)PageSize));
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var ordered = listed.OrderBy(c => c.Reference);
        var contracts = await (all ? ordered : ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize))
            .Select(c => new { c.Id, c.Reference, c.Title, Department = c.Department!.Name, Supplier = c.Supplier!.Name, c.Supplier.CompaniesHouseNumber, c.Supplier.IsSme, c.Supplier.IsVcse,
                c.TotalValue, c.IrrecoverableVat, c.StartOn, c.EndOn, c.ReviewOn, c.Status })
            .ToListAsync(ct);
        var ids = contracts.Select(c => c.Id).ToList();
        var ratings = await ContractFigures.RatingsAsync(db, ids, ct);
        var rows = new List<Row>(contracts.Count);
        foreach (var c in contracts)
        {
            rows.Add(new Row(c.Reference, c.Title, c.Department, c.Supplier, c.CompaniesHouseNumber, c.IsSme, c.IsVcse, c.TotalValue, c.IrrecoverableVat,
                c.StartOn, c.EndOn, c.ReviewOn, c.Status, ratings.GetValueOrDefault(c.Id)?.Rating.ToString(), ratings.GetValueOrDefault(c.Id)?.Year,
                ContractFigures.LatestMonth(await performance.KpiPeriodsAsync(c.Id, ct))));
        }
        Contracts = rows;
    }
}
