using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Tendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work.Bids;

/// <summary>A bidder's procurements: each one its supplier takes part in, its stage, the bidder's standing and the stage's deadline.</summary>
public sealed class BidsModel(GovernanceDbContext db) : GatedPageModel
{
    public sealed record Row(int ProcurementId, string Reference, string Title, ProcurementStage Stage, BidderStatus Status, DateTime? Deadline);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    protected override bool MayUse(ClaimsPrincipal user) => user.SupplierScope() is not null && AccessRules.CanWrite("Submissions", user.IsInRole);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        var supplierId = User.SupplierScope();
        Rows = await db.Bidders.AsNoTracking().Where(b => b.SupplierId == supplierId)
            .Join(db.Procurements.AsNoTracking(), b => b.ProcurementId, p => p.Id, (b, p) => new { Bidder = b, Procurement = p })
            .OrderBy(r => r.Procurement.Reference)
            .Select(r => new Row(r.Procurement.Id, r.Procurement.Reference, r.Procurement.Title, r.Procurement.Stage, r.Bidder.Status,
                db.ProcurementStageDates.Where(d => d.ProcurementId == r.Procurement.Id && d.Stage == r.Procurement.Stage).Select(d => d.SubmissionDeadline).FirstOrDefault()))
            .ToListAsync(ct);
        return Format == CsvFile.Format
            ? CsvFile.Of("procurements-bidding.csv", ["Reference", "Title", "Stage", "Your standing", "Deadline (UTC)"],
                Rows.Select(r => (IReadOnlyList<string>)[r.Reference, r.Title, r.Stage.ToString(), r.Status.ToString(), r.Deadline?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? ""]))
            : Page();
    }
}
