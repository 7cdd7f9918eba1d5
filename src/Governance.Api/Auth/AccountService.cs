using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Auth;

public sealed record NewAccount(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, int? SupplierId);

/// <summary>Creates local accounts. There is no self-registration: only this service, called by an Administrator, adds them.</summary>
public sealed class AccountService(UserManager<GovernanceUser> users, GovernanceDbContext db, TimeProvider time, IServiceProvider services)
{
    public async Task<GovernanceUser> CreateAsync(NewAccount account, CancellationToken ct = default)
    {
        // A JSON body may leave any of these out, whatever the record's types say.
        if (account.Roles is null || string.IsNullOrWhiteSpace(account.Email) || string.IsNullOrWhiteSpace(account.DisplayName) || string.IsNullOrEmpty(account.Password))
            throw new BusinessRuleException("account-fields", "Give Email, DisplayName, Password and Roles (one or more).", isInvalidInput: true);
        await CheckRolesAsync(account.Roles, account.SupplierId, ct);

        var user = new GovernanceUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            SupplierId = account.SupplierId,
        };
        // One transaction, unless the caller (the seed loader) already holds one.
        await using var transaction = await db.Database.BeginUnlessInOneAsync(ct);
        Check(await users.CreateAsync(user, account.Password));
        Check(await users.AddToRolesAsync(user, account.Roles));
        await transaction.CommitIfOwnAsync(ct);
        return user;
    }

    /// <summary>Disables an account for good until re-enabled: it cannot sign in, and its sessions and tokens stop at their next request.</summary>
    public async Task DisableAsync(GovernanceUser user, string by, string? reason, CancellationToken ct)
    {
        if (user.DisabledAt is not null)
            throw new BusinessRuleException("account-disabled", $"{user.Email} was already disabled on {user.DisabledAt:yyyy-MM-dd} by {user.DisabledBy}.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("account-disable-reason", "Say why the account is disabled (e.g. 'Left the council on 30 November').", isInvalidInput: true);
        (user.DisabledAt, user.DisabledBy, user.DisabledReason) = (time.GetUtcNow(), by, reason.Trim());
        await ChangeAsync(user, async () =>
        {
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        }, ct);
    }

    /// <summary>Enables a disabled account again; it signs in with its password as before.</summary>
    public async Task EnableAsync(GovernanceUser user, CancellationToken ct)
    {
        if (user.DisabledAt is null)
            throw new BusinessRuleException("account-enabled", $"{user.Email} is not disabled.");
        (user.DisabledAt, user.DisabledBy, user.DisabledReason) = (null, null, null);
        await ChangeAsync(user, async () =>
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
        }, ct);
    }

    /// <summary>Ends a lockout after failed sign-ins. A disabled account stays disabled: enabling it is a separate decision.</summary>
    public async Task UnlockAsync(GovernanceUser user, CancellationToken ct)
    {
        if (user.DisabledAt is not null)
            throw new BusinessRuleException("account-disabled", $"{user.Email} is disabled, not locked: enable it instead.");
        await ChangeAsync(user, async () =>
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
        }, ct);
    }

    /// <summary>Replaces the account's roles; its sessions end, so that no token carries the old ones.</summary>
    public async Task ChangeRolesAsync(GovernanceUser user, IReadOnlyList<string>? roles, CancellationToken ct)
    {
        await CheckRolesAsync(roles, user.SupplierId, ct);
        await ChangeAsync(user, async () =>
        {
            var current = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current.Except(roles!)));
            Check(await users.AddToRolesAsync(user, roles!.Except(current)));
        }, ct);
    }

    /// <summary>
    /// Rule <c>account-self</c>: an administrator neither disables their own account nor takes the Administrator role from
    /// it, so that a council is never left without one by a slip of the hand. The API and the portal both ask it.
    /// </summary>
    public static void RefuseSelfLockout(string? actorId, GovernanceUser user, IReadOnlyList<string>? newRoles = null, bool disabling = false)
    {
        if (actorId != user.Id)
            return;
        if (disabling)
            throw new BusinessRuleException("account-self", "An administrator cannot disable their own account: ask another administrator.");
        if (newRoles?.Contains(Roles.Administrator) != true)
            throw new BusinessRuleException("account-self", "An administrator cannot take the Administrator role from their own account: ask another administrator.");
    }

    /// <summary>Ends every session of the account (refresh tokens at once, access tokens and cookies at their next request).</summary>
    public Task RevokeSessionsAsync(GovernanceUser user, CancellationToken ct) => ChangeAsync(user, () => Task.CompletedTask, ct);

    /// <summary>
    /// A one-time reset code for the account, which the administrator gives its holder: it sets a new password once
    /// (POST /auth/reset-password) and is void after that or after any other change to the account.
    /// </summary>
    public Task<string> ResetCodeAsync(GovernanceUser user) => users.GeneratePasswordResetTokenAsync(user);

    /// <summary>
    /// One change to an account, in one transaction, with a new security stamp so that every session and token
    /// re-reads it (SessionValidation forgets what it held).
    /// </summary>
    private async Task ChangeAsync(GovernanceUser user, Func<Task> change, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginUnlessInOneAsync(ct);
        await change();
        Check(await users.UpdateSecurityStampAsync(user));
        await transaction.CommitIfOwnAsync(ct);
        SessionValidation.Forget(services, user.Id);
    }

    private async Task CheckRolesAsync(IReadOnlyList<string>? roles, int? supplierIdOfAccount, CancellationToken ct)
    {
        var unknown = roles?.Where(r => !Roles.All.Contains(r)).ToList() ?? [];
        if (roles is null || roles.Count == 0 || unknown.Count > 0)
            throw new BusinessRuleException("account-roles", $"Give one or more of the roles {string.Join(", ", Roles.All)}; unknown: {string.Join(", ", unknown)}.", isInvalidInput: true);
        var isSupplier = roles.Contains(Roles.Supplier);
        if (isSupplier && (roles.Count > 1 || supplierIdOfAccount is null))
            throw new BusinessRuleException("supplier-account", "A Supplier account has the Supplier role only and names the supplier it acts for.", isInvalidInput: true);
        if (!isSupplier && supplierIdOfAccount is not null)
            throw new BusinessRuleException("supplier-account", "Only a Supplier account can be linked to a supplier.", isInvalidInput: true);
        if (supplierIdOfAccount is { } supplierId && !await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct))
            throw new BusinessRuleException("supplier-account", $"Supplier {supplierId} does not exist.", isInvalidInput: true);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new BusinessRuleException("account", string.Join(" ", result.Errors.Select(e => e.Description)), isInvalidInput: true);
    }
}
