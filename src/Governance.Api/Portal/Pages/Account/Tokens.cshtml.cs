using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace Governance.Api.Portal.Pages.Account;

/// <summary>
/// A person's own personal access tokens, for tools such as a Power BI dashboard: create one (its secret shown this
/// once, only its hash kept), see them, revoke one. The same code as the API's /auth/tokens, so the same limits and
/// audit entries apply; an administrator revokes anyone's from the account's page.
/// </summary>
public sealed class TokensModel(UserManager<GovernanceUser> users, GovernanceDbContext db, IMemoryCache cache, TimeProvider time) : GatedPageModel
{
    public IReadOnlyList<AccessTokenView> Tokens { get; private set; } = [];

    /// <summary>The token just created: its secret, shown on this answer only.</summary>
    public IssuedAccessToken? Issued { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Revoked { get; set; }

    protected override bool MayUse(ClaimsPrincipal user) => !user.ByAccessToken();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? name, string? days, CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } userId)
            return Forbid();
        if (!int.TryParse(days, out var lifetime))
            Errors["days"] = "Enter how many days the token lasts, as a whole number";
        else
        {
            try
            {
                Issued = await AccessTokenEndpoints.IssueTokenAsync(db, time, userId, name ?? "", lifetime, ct);
            }
            catch (BusinessRuleException refused)
            {
                Refused(refused.Rule == "token-name" ? "name" : "days", refused);
            }
        }
        if (Errors.Count > 0)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        // No redirect: the secret is shown on this answer and never again.
        Response.Headers.CacheControl = "no-store";
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int token, CancellationToken ct)
    {
        try
        {
            if (!await AccessTokenEndpoints.RevokeTokenAsync(db, cache, time, token, users.GetUserId(User), User, ct))
                return NotFound();
        }
        catch (BusinessRuleException refused)
        {
            Refused("tokens", refused);
            return await LoadAsync(ct);
        }
        return Redirect("/account/tokens?revoked=true");
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Tokens = await AccessTokenEndpoints.ViewsAsync(db, users.GetUserId(User) ?? "", ct);
        return Page();
    }
}
