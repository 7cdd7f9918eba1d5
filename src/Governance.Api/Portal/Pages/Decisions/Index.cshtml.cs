using Governance.Api.Data;
using Governance.Api.Features.Scrutiny;
using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Decisions;

/// <summary>
/// Decisions with their votes and call-in status, public as s.100B asks (through the exemption filter, as every
/// read). A councillor calls one in here, within its window: the rule is the domain's (Decision.CallInBy), the
/// role the API's (DecisionsController.MayCallIn).
/// </summary>
public sealed class DecisionsModel(GovernanceDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Committee, DateTime MeetingAt, int ItemNumber, string Item, string Outcome, int For, int Against, int Abstentions, string CallIn, bool Open);

    public IReadOnlyList<Row> Decisions { get; private set; } = [];

    public bool CanCallIn => DecisionsController.MayCallIn(User);

    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty]
    public int? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool CalledIn { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        await LoadAsync(ct);
        return Format is null ? Page() : CsvFile.Of("decisions.csv", ["Committee", "Meeting (UK)", "Item", "Title", "Decision", "For", "Against", "Abstaining", "Call-in"],
            Decisions.Select(d => (IReadOnlyList<string>)[d.Committee, PortalText.When(d.MeetingAt), $"{d.ItemNumber}", d.Item, d.Outcome, $"{d.For}", $"{d.Against}", $"{d.Abstentions}", d.CallIn]));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
            return Challenge();
        if (!CanCallIn)
            return Forbid();
        var decision = Decision is { } id ? await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, ct) : null;
        if (decision is null)
            return NotFound();
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            decision.CallInBy(User.Identity?.Name ?? "", Reason ?? "", now, LondonTime.DateOf(now));
        }
        catch (BusinessRuleException refused)
        {
            Errors[$"reason-{decision.Id}"] = refused.Rule == "reason-required" ? "Enter why you are calling the decision in" : refused.Message;
            await LoadAsync(ct);
            Response.StatusCode = refused.IsInvalidInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { calledIn = true });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var rows = await db.Decisions.AsNoTracking()
            .Join(db.AgendaItems, d => d.AgendaItemId, a => a.Id, (d, a) => new { d, a })
            .Join(db.Meetings, x => x.a.MeetingId, m => m.Id, (x, m) => new { x.d, x.a, m, Committee = m.Committee!.Name })
            .OrderByDescending(x => x.d.PublishedOn).ThenByDescending(x => x.d.Id).Take(200).ToListAsync(ct);
        Decisions = rows.Select(x => new Row(x.d.Id, x.Committee, x.m.StartsAt, x.a.Number, x.a.Title, x.d.Outcome, x.d.VotesFor, x.d.VotesAgainst, x.d.Abstentions,
            x.d.CallInStatus(today), x.d.CallIn == Domain.Scrutiny.CallInState.NotCalledIn && today <= x.d.CallInEndsOn)).ToList();
    }
}
