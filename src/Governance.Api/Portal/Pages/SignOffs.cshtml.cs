using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Scrutiny;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages;

/// <summary>
/// Pending sign-off requests for the roles a person holds, decided here by the same decider as the API's
/// Governance.Decide (SignOffDecider: role, scrutiny chair, independence, no self sign-off, then the domain).
/// </summary>
public sealed class SignOffsModel(GovernanceDbContext db, SignOffDecider decider) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> Choices =
        [(nameof(SignOffStatus.Approved), "Approve"), (nameof(SignOffStatus.ApprovedWithConditions), "Approve with conditions"), (nameof(SignOffStatus.Rejected), "Reject")];

    public IReadOnlyList<SignOffRequest> Pending { get; private set; } = [];

    public string? Error { get; private set; }

    [BindProperty]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Decided { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? decision, string? reason, CancellationToken ct)
    {
        if (!Enum.TryParse<SignOffStatus>(decision, out var chosen) || chosen == SignOffStatus.Pending)
            return await RefuseAsync("Choose approve, approve with conditions or reject", StatusCodes.Status400BadRequest, ct);
        try
        {
            var (_, refusal) = await decider.DecideAsync(Id, chosen, reason, User, ct);
            if (refusal is not null)
                return refusal.Status == StatusCodes.Status404NotFound ? NotFound() : await RefuseAsync(refusal.Message, refusal.Status, ct);
        }
        catch (BusinessRuleException rule)
        {
            return await RefuseAsync(rule.Message, rule.IsInvalidInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, ct);
        }

        return RedirectToPage(new { decided = true });
    }

    private async Task<IActionResult> RefuseAsync(string message, int status, CancellationToken ct)
    {
        Error = message;
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var roles = Roles.All.Where(User.IsInRole).Where(r => r != Roles.Supplier).ToList();
        Pending = await db.SignOffRequests.AsNoTracking().Where(s => s.Status == SignOffStatus.Pending && roles.Contains(s.RequiredRole))
            .OrderBy(s => s.RaisedAt).ToListAsync(ct);
    }
}
