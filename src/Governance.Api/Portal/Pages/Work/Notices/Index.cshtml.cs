using System.Globalization;
using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Notices;
using Governance.Domain.Calendar;
using Governance.Domain.Notices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work.Notices;

/// <summary>
/// The statutory notices the signed-in officer may see (NoticeDesk.Readable, as the API): open ones first by
/// deadline, overdue flagged; filtered by state, by procurement or contract; and as CSV.
/// </summary>
public sealed class IndexModel(GovernanceDbContext db, NoticeDesk desk, TimeProvider time) : GatedPageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Procurement { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Contract { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public bool All => Show == "all";

    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("Notices", user.IsInRole);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        Today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var rows = desk.Readable(db.Notices.AsNoTracking(), User);
        if (!All)
            rows = rows.Where(n => n.Status != NoticeStatus.Published);
        if (Procurement is { } procurement)
            rows = rows.Where(n => n.ProcurementId == procurement);
        if (Contract is { } contract)
            rows = rows.Where(n => n.ContractId == contract);
        Notices = await rows.OrderBy(n => n.Status == NoticeStatus.Published).ThenBy(n => n.DueOn).ThenBy(n => n.Id).Take(Format == CsvFile.Format ? 10_000 : PageSize).ToListAsync(ct);
        if (Format != CsvFile.Format)
            return Page();
        static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        return CsvFile.Of($"notices-{Today:yyyy-MM-dd}.csv", ["Notice", "Type", "Triggered on", "Due on", "Status", "Version", "Platform reference", "Published on", "Deadline rule"],
            Notices.Select(n => (IReadOnlyList<string>)[n.Title, n.Type.ToString(), Day(n.TriggeredOn), Day(n.DueOn), n.Status.ToString(), $"{n.Version}", n.ExternalReference ?? "",
                Day(n.PublishedAt is { } at ? LondonTime.DateOf(at) : null), n.DeadlineRule]));
    }
}
