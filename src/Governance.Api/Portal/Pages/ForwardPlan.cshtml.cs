using Governance.Api.Data;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages;

/// <summary>
/// The forward plan (2012 Regulations reg 9): each key decision and private item with its date, the notice given,
/// and, where 28 clear days were not, the urgency route and its reasons. Read through the exemption filter.
/// </summary>
public sealed class ForwardPlanModel(GovernanceDbContext db) : PageModel
{
    public sealed record Row(string Title, string Committee, DateOnly DecisionDate, DateOnly PublishedOn, bool Key, bool Private, UrgencyRoute Urgency, string? Reason);

    public IReadOnlyList<Row> Entries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        await LoadAsync(ct);
        return Format is null ? Page() : CsvFile.Of("forward-plan.csv", ["Decision", "Decided by", "Date of decision", "Published", "Key decision", "In private", "Notice", "Reasons"],
            Entries.Select(e => (IReadOnlyList<string>)[e.Title, e.Committee, e.DecisionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                e.PublishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Key ? "Yes" : "No", e.Private ? "Yes" : "No", Notice(e), e.Reason ?? ""]));
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Entries = (await db.ForwardPlanEntries.AsNoTracking().Where(e => e.ArchivedAt == null)
            .Join(db.Committees, e => e.CommitteeId, c => c.Id, (e, c) => new { e, Committee = c.Name })
            .OrderBy(x => x.e.DecisionDate).ToListAsync(ct))
            .Select(x => new Row(x.e.Title, x.Committee, x.e.DecisionDate, x.e.PublishedOn, x.e.KeyDecision, x.e.PrivateItem, x.e.UrgencyRoute, x.e.UrgencyReason)).ToList();

    public static string Notice(Row row) => row.Urgency switch
    {
        UrgencyRoute.GeneralException => "Less than 28 clear days: general exception (regulation 10)",
        UrgencyRoute.SpecialUrgency => "Less than 28 clear days: special urgency (regulation 11)",
        _ => "28 clear days' notice given",
    };
}
