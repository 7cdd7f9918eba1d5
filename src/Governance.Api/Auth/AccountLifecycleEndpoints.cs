using System.Security.Claims;
using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Governance.Api.Auth;

public sealed record DisableAccount(string? Reason);

public sealed record AccountRoles(IReadOnlyList<string>? Roles);

public sealed record ResetCode(string Code, string Note);

public sealed record PasswordReset(string? Email, string? Code, string? NewPassword);

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>
/// An account's life after it is created: administrators read, disable and enable, unlock, change roles, end every
/// session and issue a one-time reset code; the holder sets a new password with the code, or changes their own.
/// Every change gives the account a new security stamp, so its sessions and tokens re-read it within a minute at most
/// (at once on this host), and is in the audit trail with who made it.
/// </summary>
public static class AccountLifecycleEndpoints
{
    public static IEndpointRouteBuilder MapAccountLifecycle(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/auth/users/{id}").WithTags("Accounts").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        users.MapGet("/", ReadAsync).WithName("Users_Get");
        users.MapPost("/disable", DisableAsync).WithName("Users_Disable");
        users.MapPost("/enable", (string id, AccountService accounts, UserManager<GovernanceUser> manager, CancellationToken ct) =>
            ChangeAsync(id, manager, user => accounts.EnableAsync(user, ct))).WithName("Users_Enable");
        users.MapPost("/unlock", (string id, AccountService accounts, UserManager<GovernanceUser> manager, CancellationToken ct) =>
            ChangeAsync(id, manager, user => accounts.UnlockAsync(user, ct))).WithName("Users_Unlock");
        users.MapPost("/revoke-sessions", (string id, AccountService accounts, UserManager<GovernanceUser> manager, CancellationToken ct) =>
            ChangeAsync(id, manager, user => accounts.RevokeSessionsAsync(user, ct))).WithName("Users_RevokeSessions");
        users.MapPut("/roles", ChangeRolesAsync).WithName("Users_ChangeRoles");
        users.MapPost("/reset-code", IssueResetCodeAsync).WithName("Users_ResetCode");
        app.MapPost("/auth/reset-password", ResetPasswordAsync).WithName("Auth_ResetPassword").WithTags("Accounts")
            .AllowAnonymous().RequireRateLimiting(SignInThrottle.Policy);
        app.MapPost("/auth/me/password", ChangeOwnPasswordAsync).WithName("Auth_ChangePassword").WithTags("Accounts");
        return app;
    }

    private static async Task<Results<Ok<AccountView>, NotFound>> ReadAsync(string id, UserManager<GovernanceUser> manager, TimeProvider time) =>
        await manager.FindByIdAsync(id) is { } user ? TypedResults.Ok(await ViewAsync(manager, user, time)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DisableAsync(
        string id, DisableAccount? request, ClaimsPrincipal principal, AccountService accounts, UserManager<GovernanceUser> manager, CancellationToken ct)
    {
        return await ChangeAsync(id, manager, user =>
        {
            AccountService.RefuseSelfLockout(manager.GetUserId(principal), user, disabling: true);
            return accounts.DisableAsync(user, principal.Identity?.Name ?? "unknown", request?.Reason, ct);
        });
    }

    private static async Task<Results<NoContent, NotFound>> ChangeRolesAsync(
        string id, AccountRoles? request, ClaimsPrincipal principal, AccountService accounts, UserManager<GovernanceUser> manager, CancellationToken ct)
    {
        return await ChangeAsync(id, manager, user =>
        {
            AccountService.RefuseSelfLockout(manager.GetUserId(principal), user, request?.Roles);
            return accounts.ChangeRolesAsync(user, request?.Roles, ct);
        });
    }

    private static async Task<Results<Ok<ResetCode>, NotFound>> IssueResetCodeAsync(string id, AccountService accounts, UserManager<GovernanceUser> manager)
    {
        if (await manager.FindByIdAsync(id) is not { } user)
            return TypedResults.NotFound();
        return TypedResults.Ok(new ResetCode(await accounts.ResetCodeAsync(user),
            $"Give this code to {user.Email} by a channel you trust; it sets a new password once, with POST /auth/reset-password, within a day."));
    }

    /// <summary>Anonymous, throttled like sign-in; every failure answers the same words, so it says nothing about which accounts exist.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(PasswordReset request, UserManager<GovernanceUser> manager, IServiceProvider services)
    {
        var user = await manager.FindByEmailAsync(request.Email ?? "");
        if (user is not null && user.DisabledAt is null && !string.IsNullOrEmpty(request.Code) && !string.IsNullOrEmpty(request.NewPassword))
        {
            var result = await manager.ResetPasswordAsync(user, request.Code, request.NewPassword);
            if (result.Succeeded)
            {
                SessionValidation.Forget(services, user.Id);
                return TypedResults.NoContent();
            }

            if (result.Errors.Any(e => e.Code != "InvalidToken"))
                return TypedResults.Problem(string.Join(" ", result.Errors.Select(e => e.Description)), statusCode: StatusCodes.Status400BadRequest, title: "Password not accepted");
        }

        return TypedResults.Problem("The e-mail or the reset code is wrong, or the code was used or has expired: ask an administrator for a new one.",
            statusCode: StatusCodes.Status400BadRequest, title: "Password not reset");
    }

    /// <summary>The holder's own change: the current password proves it is them; every session ends, this one included.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeOwnPasswordAsync(
        PasswordChange request, ClaimsPrincipal principal, UserManager<GovernanceUser> manager, IServiceProvider services)
    {
        if (principal.ByAccessToken() || await manager.GetUserAsync(principal) is not { } user)
            return TypedResults.Problem("Sign in with your password to change it.", statusCode: StatusCodes.Status403Forbidden, title: "Not with this credential");
        var result = await manager.ChangePasswordAsync(user, request.CurrentPassword ?? "", request.NewPassword ?? "");
        if (!result.Succeeded)
            return TypedResults.Problem(string.Join(" ", result.Errors.Select(e => e.Description)), statusCode: StatusCodes.Status400BadRequest, title: "Password not changed");
        SessionValidation.Forget(services, user.Id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> ChangeAsync(string id, UserManager<GovernanceUser> manager, Func<GovernanceUser, Task> change)
    {
        if (await manager.FindByIdAsync(id) is not { } user)
            return TypedResults.NotFound();
        await change(user);
        return TypedResults.NoContent();
    }

    internal static async Task<AccountView> ViewAsync(UserManager<GovernanceUser> manager, GovernanceUser user, TimeProvider time) =>
        new(user.Id, user.Email!, user.DisplayName, [.. await manager.GetRolesAsync(user)], user.SupplierId,
            user.DisabledAt is null && user.LockoutEnd > time.GetUtcNow(), user.DisabledAt, user.DisabledReason);
}
