using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Api.Auth;

/// <summary>
/// Sign-in and token refresh are throttled by client address (Auth:SignInPerAddressPerMinute, default 60) as well as
/// locked per account after five failures: one address cannot try passwords at speed, whichever accounts it aims at.
/// Past the limit the answer is 429 with Retry-After.
/// </summary>
public static class SignInThrottle
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInThrottle(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Auth:SignInPerAddressPerMinute", 60);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { title = "Too many sign-in attempts", status = 429, detail = $"At most {perMinute} sign-in attempts a minute from one address; try again in a minute." }, ct);
            };
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
