using System.Security.Claims;
using System.Globalization;
using Governance.Api.Auth;
using Governance.Api.Portal.Work;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Portal.Pages.Work;

/// <summary>
/// The contract manager's dashboard: every contract they may read, filtered by a search and a status, paged; the same
/// rows as CSV (`?format=csv`: the filter applies, every page). Who may use it is the API's rule for writing contracts.
/// </summary>
public sealed class ContractsDashboardModel(ContractDashboard dashboard) : GatedPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContractStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public ContractDashboard.Result Result { get; private set; } = null!;

    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("Contracts", user.IsInRole);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        Result = await dashboard.ReadAsync(new ContractDashboard.Filter(Search, Status, PageNumber), ct, all: Format == CsvFile.Format);
        return Format == CsvFile.Format ? Csv(Result) : Page();
    }

    private static FileContentResult Csv(ContractDashboard.Result result) => CsvFile.Of($"contracts-{result.Today:yyyy-MM-dd}.csv",
        ["Reference", "Title", "Supplier", "Status", "Annual value", "Ends", "Latest month", "Green", "Amber", "Red", "Returns overdue", "Rating (UK9)", "Rated year", "Open escalations", "Next notice by", "Notice for"],
        result.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Reference, r.Title, r.Supplier, r.Status.ToString(), r.AnnualValue.ToString("0.00", CultureInfo.InvariantCulture), r.EndOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.LatestPeriod?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "", $"{r.Green}", $"{r.Amber}", $"{r.Red}", $"{r.Overdue}", r.Rating ?? "", r.RatedYear?.ToString(CultureInfo.InvariantCulture) ?? "",
            string.Join("; ", r.OpenEscalations), r.NextNotice?.NoticeBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.NextNotice?.Kind.ToString() ?? "",
        ]));

    public string QueryFor(int page, string? format = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Search))
            query.Add("search=" + Uri.EscapeDataString(Search));
        if (Status is { } status)
            query.Add("status=" + status);
        if (page > 1)
            query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        if (format is not null)
            query.Add("format=" + format);
        return "/work/contracts" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

}
