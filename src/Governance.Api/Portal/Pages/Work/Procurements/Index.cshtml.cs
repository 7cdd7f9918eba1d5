using System.Globalization;
using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Domain.Tendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work.Procurements;

/// <summary>
/// The procurement officer's list: every procurement the caller may read (through the exemption filter), with its
/// stage, value, the caller's place on its team, its bidders and the first stage running late; filtered by a search,
/// a stage and "my team's only", and the same rows as CSV. For those who may serve on a procurement team.
/// </summary>
public sealed class ProcurementsModel(GovernanceDbContext db, TimeProvider time) : GatedPageModel
{
    public sealed record Row(int Id, string Reference, string Title, ProcurementProcedure Procedure, ProcurementStage Stage, decimal EstimatedValue,
        TeamRole? MyRole, int ActiveBidders, ProcurementStage? LateStage, DateOnly? LatePlannedOn);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProcurementStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("ProcurementTeamMembers", user.IsInRole);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        Today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var name = User.Identity?.Name ?? "";
        var procurements = db.Procurements.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim();
            procurements = procurements.Where(p => p.Reference.Contains(term) || p.Title.Contains(term));
        }
        if (Stage is { } stage)
            procurements = procurements.Where(p => p.Stage == stage);
        if (Mine)
            procurements = procurements.Where(p => db.ProcurementTeamMembers.Any(m => m.ProcurementId == p.Id && m.UserName == name));
        var today = Today;
        var rows = await procurements.OrderByDescending(p => p.StartedOn).ThenBy(p => p.Reference).Select(p => new
        {
            p.Id, p.Reference, p.Title, p.Procedure, p.Stage, p.EstimatedValue,
            Roles = db.ProcurementTeamMembers.Where(m => m.ProcurementId == p.Id && m.UserName == name).Select(m => m.Role).ToList(),
            Bidders = db.Bidders.Count(b => b.ProcurementId == p.Id && Bidder.Active.Contains(b.Status)),
            Late = db.ProcurementStageDates.Where(d => d.ProcurementId == p.Id && d.ActualOn == null && d.PlannedOn != null && d.PlannedOn < today)
                .OrderBy(d => d.PlannedOn).Select(d => new { d.Stage, d.PlannedOn }).FirstOrDefault(),
        }).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.Id, r.Reference, r.Title, r.Procedure, r.Stage, r.EstimatedValue,
            r.Roles.Count == 0 ? null : r.Roles.Contains(TeamRole.Lead) ? TeamRole.Lead : r.Roles[0], r.Bidders,
            IsLive(r.Stage) ? r.Late?.Stage : null, IsLive(r.Stage) ? r.Late?.PlannedOn : null))];
        return Format == CsvFile.Format ? Csv() : Page();
    }

    /// <summary>A closed procurement is not running late, whatever its unreached stages say.</summary>
    private static bool IsLive(ProcurementStage stage) => stage is not (ProcurementStage.Cancelled or ProcurementStage.ContractSigned);

    public string QueryFor(string? format = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Search))
            query.Add("search=" + Uri.EscapeDataString(Search));
        if (Stage is { } stage)
            query.Add("stage=" + stage);
        if (Mine)
            query.Add("mine=true");
        if (format is not null)
            query.Add("format=" + format);
        return "/work/procurements" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private FileContentResult Csv() => CsvFile.Of($"procurements-{Today:yyyy-MM-dd}.csv",
        ["Reference", "Title", "Procedure", "Stage", "Estimated value", "Your role", "Active bidders", "Running late at", "Planned for"],
        Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Reference, r.Title, r.Procedure.ToString(), r.Stage.ToString(), r.EstimatedValue.ToString("0.00", CultureInfo.InvariantCulture),
            r.MyRole?.ToString() ?? "", $"{r.ActiveBidders}", r.LateStage?.ToString() ?? "", r.LatePlannedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ]));
}
