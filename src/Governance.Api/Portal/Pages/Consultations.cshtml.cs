using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages;

/// <summary>
/// Consultations of the union, read by whoever the API lets read them (AccessRules, through the exemption filter),
/// and answered here by the union representative through the domain (Consultation.Respond: once, as given).
/// </summary>
public sealed class ConsultationsModel(GovernanceDbContext db, TimeProvider time) : PageModel
{
    public bool CanRespond => User.IsInRole(Roles.UnionRepresentative);

    public IReadOnlyList<Consultation> Items { get; private set; } = [];

    public string? Error { get; private set; }

    [BindProperty]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Responded { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!AccessRules.CanRead("Consultations", User.IsInRole))
            return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? response, CancellationToken ct)
    {
        if (!CanRespond)
            return Forbid();
        if (await db.Consultations.SingleOrDefaultAsync(c => c.Id == Id, ct) is not { } consultation)
            return NotFound();
        try
        {
            consultation.Respond(response ?? "", User.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime);
        }
        catch (BusinessRuleException refused)
        {
            Error = refused.Rule == "response-required" ? "Enter the union's response" : refused.Message;
            await LoadAsync(ct);
            Response.StatusCode = refused.IsInvalidInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
        }

        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { responded = true });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Items = await db.Consultations.AsNoTracking().OrderByDescending(c => c.OpenedAt).Take(50).ToListAsync(ct);
}
