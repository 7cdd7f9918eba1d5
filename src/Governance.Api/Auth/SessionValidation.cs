using System.Security.Claims;
using Governance.Api.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Governance.Api.Auth;

/// <summary>
/// A signed-in request is refused (401) once its account is locked, or its security stamp has changed (password
/// changed, signed out, disabled by an administrator): checked against the database at most once a minute per
/// account, so a token stops working within a minute of any of those. Tokens of an external identity provider carry
/// no stamp and are left to that provider.
/// </summary>
public static class SessionValidation
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static IApplicationBuilder UseSessionValidation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && await EndedAsync(context) is { } reason)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (Portal.PortalRegistration.IsPortal(context) && HttpMethods.IsGet(context.Request.Method))
            {
                // A person in a browser: the ended session's cookie goes, and they are asked to sign in again.
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.Response.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString));
                return;
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { title = "Session ended", status = 401, detail = reason }, context.RequestAborted);
            return;
        }

        await next();
    });

    private static async Task<string?> EndedAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.User.FindFirstValue(stampType);
        if (userId is null || stamp is null)
            return null;
        var cache = services.GetRequiredService<IMemoryCache>();
        var current = await cache.GetOrCreateAsync($"session:{userId}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Interval;
            var users = services.GetRequiredService<UserManager<GovernanceUser>>();
            var user = await users.FindByIdAsync(userId);
            return user is null ? null : new Account(user.SecurityStamp, await users.IsLockedOutAsync(user));
        });
        return current is null ? "The account no longer exists."
            : current.LockedOut ? "The account is locked or disabled."
            : current.Stamp != stamp ? "The session was ended (signed out, or the password changed): sign in again."
            : null;
    }

    /// <summary>Forgets what was read about an account, so a change made here takes effect on its next request.</summary>
    public static void Forget(IServiceProvider services, string userId) => services.GetRequiredService<IMemoryCache>().Remove($"session:{userId}");

    private sealed record Account(string? Stamp, bool LockedOut);
}
