using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Admin;

/// <summary>
/// One account for an administrator: disable with a reason or enable, unlock, change roles, end every session, and
/// issue a one-time code to set a password. Each goes through AccountService (as the API's /auth/users), renews the
/// account's security stamp so its sessions stop at their next request, and is audited; an administrator cannot lock
/// themselves out (AccountService.RefuseSelfLockout).
/// </summary>
public sealed class AccountModel(
    UserManager<GovernanceUser> users, AccountService accounts, GovernanceDbContext db, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, TimeProvider time)
    : AdminPageModel
{
    public GovernanceUser Account { get; private set; } = null!;

    public IReadOnlyList<string> AccountRoles { get; private set; } = [];

    public bool LockedOut { get; private set; }

    public IReadOnlyList<AccessTokenView> Tokens { get; private set; } = [];

    /// <summary>A reset code just issued: shown once, on the answer to the post that made it, never stored for display.</summary>
    public string? ResetCode { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Created { get; set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync(string id, string? reason, CancellationToken ct) =>
        ChangeAsync(id, "reason", user =>
        {
            AccountService.RefuseSelfLockout(users.GetUserId(User), user, disabling: true);
            return accounts.DisableAsync(user, User.Identity?.Name ?? "", reason, ct);
        }, "disabled");

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) => ChangeAsync(id, "state", user => accounts.EnableAsync(user, ct), "enabled");

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) => ChangeAsync(id, "state", user => accounts.UnlockAsync(user, ct), "unlocked");

    public Task<IActionResult> OnPostSessionsAsync(string id, CancellationToken ct) => ChangeAsync(id, "state", user => accounts.RevokeSessionsAsync(user, ct), "signed out everywhere");

    public Task<IActionResult> OnPostRolesAsync(string id, List<string>? roles, CancellationToken ct) =>
        ChangeAsync(id, "roles", user =>
        {
            var chosen = roles ?? [];
            AccountService.RefuseSelfLockout(users.GetUserId(User), user, chosen);
            return accounts.ChangeRolesAsync(user, chosen, ct);
        }, "given its new roles");

    /// <summary>Revokes one of this account's personal access tokens (audited, as the API's DELETE /auth/tokens/{id}).</summary>
    public async Task<IActionResult> OnPostRevokeTokenAsync(string id, int token, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user || !await db.PersonalAccessTokens.AnyAsync(t => t.Id == token && t.UserId == user.Id, ct))
            return NotFound();
        return await ChangeAsync(id, "tokens", async _ => await AccessTokenEndpoints.RevokeTokenAsync(db, cache, time, token, null, User, ct), "changed: the token is revoked");
    }

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
            return NotFound();
        ResetCode = await accounts.ResetCodeAsync(user);
        await LoadAsync(id);
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(string id, string field, Func<GovernanceUser, Task> change, string done)
    {
        if (await users.FindByIdAsync(id) is not { } user)
            return NotFound();
        try
        {
            await change(user);
        }
        catch (BusinessRuleException refused)
        {
            Errors[field] = refused.Message;
            Response.StatusCode = refused.IsInvalidInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return await LoadAsync(id) ? Page() : NotFound();
        }
        return Redirect($"/admin/accounts/{id}?done={Uri.EscapeDataString(done)}");
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
            return false;
        Account = user;
        AccountRoles = [.. (await users.GetRolesAsync(user)).Order()];
        LockedOut = user.DisabledAt is null && user.LockoutEnd > time.GetUtcNow();
        Tokens = await AccessTokenEndpoints.ViewsAsync(db, user.Id, HttpContext.RequestAborted);
        return true;
    }
}
