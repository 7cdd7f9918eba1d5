using System.Security.Claims;
using Governance.Api.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Governance.Api.Auth;

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

/// <param name="LockedOut">Locked after failed sign-ins (unlock ends it); a disabled account shows <paramref name="DisabledAt"/> instead.</param>
public sealed record AccountView(
    string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, int? SupplierId, bool LockedOut, DateTimeOffset? DisabledAt = null, string? DisabledReason = null);

/// <summary>
/// Sign-in, token refresh and account administration under /auth. Identity's own MapIdentityApi is not used
/// because it maps open self-registration, which a council must not have.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapGovernanceAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Accounts");
        auth.MapPost("/login", LoginAsync).WithName("Auth_Login").Produces<AccessTokenResponse>(StatusCodes.Status200OK).AllowAnonymous().RequireRateLimiting(SignInThrottle.Policy);
        auth.MapPost("/refresh", RefreshAsync).WithName("Auth_Refresh").Produces<AccessTokenResponse>(StatusCodes.Status200OK).AllowAnonymous().RequireRateLimiting(SignInThrottle.Policy);
        auth.MapPost("/logout", LogoutAsync).WithName("Auth_Logout");
        auth.MapGet("/me", Me).WithName("Auth_Me");
        var users = auth.MapGroup("/users").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        users.MapGet("/", ListUsersAsync).WithName("Users_List");
        users.MapPost("/", CreateUserAsync).WithName("Users_Create");
        return app;
    }

    /// <summary>A hash to check a password against when the account does not exist, so that both cases take as long.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<GovernanceUser>().HashPassword(new GovernanceUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Every failure answers the same words, whether the account is unknown, the password wrong or the account locked, and
    /// an unknown account costs a password hash too: neither the answer nor its timing says which accounts exist.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, bool? useCookies, SignInManager<GovernanceUser> signIn, ILoggerFactory loggers, TimeProvider time)
    {
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        if ((await PasswordSignInAsync(signIn, request.Email ?? "", request.Password ?? "", useCookies == true, loggers, time)).Succeeded)
            return TypedResults.Empty; // the sign-in has written the token (or cookie) response
        return TypedResults.Problem(
            "The e-mail or password is wrong, or the account is locked after repeated failed sign-ins (try again later or ask an administrator).",
            statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
    }

    /// <summary>
    /// A sign-in by e-mail and password, for the API and the portal alike, in the scheme the caller set on
    /// <paramref name="signIn"/>: an unknown account costs a password hash too, and every failure is logged with its reason.
    /// </summary>
    internal static async Task<SignInResult> PasswordSignInAsync(
        SignInManager<GovernanceUser> signIn, string email, string password, bool persistent, ILoggerFactory loggers, TimeProvider time)
    {
        SignInResult result;
        if (await signIn.UserManager.FindByEmailAsync(email) is null)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new GovernanceUser(), DummyHash.Value, password);
            result = SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(email, password, isPersistent: persistent, lockoutOnFailure: true);
        }

        if (!result.Succeeded)
        {
            loggers.CreateLogger("Governance.Auth").LogWarning(
                "Sign-in failed for {Email} at {WhenUtc:O}: {Reason}", email, time.GetUtcNow().UtcDateTime,
                result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong e-mail or password");
        }

        return result;
    }

    private static async Task<Results<SignInHttpResult, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<GovernanceUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Challenge();
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>
    /// Signing out ends every session of the account: a new security stamp invalidates its refresh tokens at once and its
    /// access tokens on their next request (SessionValidation), and the cookie is removed.
    /// </summary>
    private static async Task<NoContent> LogoutAsync(ClaimsPrincipal principal, SignInManager<GovernanceUser> signIn, UserManager<GovernanceUser> users, HttpContext context)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            SessionValidation.Forget(context.RequestServices, user.Id);
        }

        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<object> Me(ClaimsPrincipal user) => TypedResults.Ok<object>(new
    {
        Name = user.Identity?.Name,
        Roles = Roles.All.Where(user.IsInRole).ToList(),
        SupplierId = user.SupplierScope(),
    });

    private static async Task<Ok<List<AccountView>>> ListUsersAsync(GovernanceDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.SupplierId, u.LockoutEnd, u.DisabledAt, u.DisabledReason,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(u => new AccountView(u.Id, u.Email!, u.DisplayName, u.Roles, u.SupplierId, u.DisabledAt is null && u.LockoutEnd > now, u.DisabledAt, u.DisabledReason)).ToList());
    }

    private static async Task<Created<AccountView>> CreateUserAsync(NewAccount account, AccountService accounts, CancellationToken ct)
    {
        var user = await accounts.CreateAsync(account, ct);
        var view = new AccountView(user.Id, user.Email!, user.DisplayName, account.Roles, user.SupplierId, false);
        return TypedResults.Created($"/auth/users/{user.Id}", view);
    }
}
