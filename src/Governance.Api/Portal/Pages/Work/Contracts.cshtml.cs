using System.Globalization;
using System.Text;
using Governance.Api.Auth;
using Governance.Api.Portal.Work;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Portal.Pages.Work;

/// <summary>
/// The contract manager's dashboard: every contract they may read, filtered by a search and a status, paged; the same
/// rows as CSV (`?format=csv`: the filter applies, every page). Who may use it is the API's rule for writing contracts.
/// </summary>
public sealed class ContractsDashboardModel(ContractDashboard dashboard) : PageModel
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

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (User.Identity?.IsAuthenticated != true)
            context.Result = Challenge();
        else if (!AccessRules.CanWrite("Contracts", User.IsInRole))
            context.Result = Forbid();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Format is not null and not "csv")
            return BadRequest($"The format \"{Format}\" is not offered: leave it out for the page, or ask for csv.");
        Result = await dashboard.ReadAsync(new ContractDashboard.Filter(Search, Status, PageNumber), ct, all: Format == "csv");
        return Format == "csv" ? File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(Result))).ToArray(), "text/csv", $"contracts-{Result.Today:yyyy-MM-dd}.csv") : Page();
    }

    /// <summary>RFC 4180: every field quoted, quotes doubled; a field starting with =, +, - or @ gets a leading apostrophe so a spreadsheet does not run it.</summary>
    private static string Csv(ContractDashboard.Result result)
    {
        var csv = new StringBuilder("Reference,Title,Supplier,Status,Annual value,Ends,Latest month,Green,Amber,Red,Returns overdue,Rating (UK9),Rated year,Open escalations,Next notice by,Notice for\r\n");
        foreach (var r in result.Rows)
        {
            string[] fields =
            [
                r.Reference, r.Title, r.Supplier, r.Status.ToString(), r.AnnualValue.ToString("0.00", CultureInfo.InvariantCulture), r.EndOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.LatestPeriod?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "", $"{r.Green}", $"{r.Amber}", $"{r.Red}", $"{r.Overdue}", r.Rating ?? "", r.RatedYear?.ToString(CultureInfo.InvariantCulture) ?? "",
                string.Join("; ", r.OpenEscalations), r.NextNotice?.NoticeBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.NextNotice?.Kind.ToString() ?? "",
            ];
            csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Field(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

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

    public static string Words(string value) => Contracts.ContractRegisterModel.Words(value);
}
