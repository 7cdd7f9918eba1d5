using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Governance.Api.Auth;

/// <summary>Logs every refused request (who, what, when in UTC) before answering 401 or 403 as usual.</summary>
internal sealed class AuthorizationFailureLogger(ILogger<AuthorizationFailureLogger> logger, TimeProvider time)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            logger.LogWarning(
                "Authorization failed ({Outcome}): user {User} {Method} {Path} at {WhenUtc:O}",
                authorizeResult.Forbidden ? "forbidden" : "unauthenticated",
                context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous",
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                time.GetUtcNow().UtcDateTime);
        }

        return inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
