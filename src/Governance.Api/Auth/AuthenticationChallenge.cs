using Microsoft.Extensions.Options;

namespace Governance.Api.Auth;

/// <summary>
/// Every 401 says how to authenticate (RFC 9110 s.11.6.1, RFC 6750): a bearer challenge in the council's realm, with
/// <c>error="invalid_token"</c> when credentials were presented and refused, and, where the council's identity
/// provider is configured, its <c>authorization_uri</c>, which Power BI and Excel read to offer "Organisational
/// account". Basic is accepted with a personal access token but never offered, so browsers do not pop up a password box.
/// </summary>
internal sealed class AuthenticationChallenge(IOptions<ExternalAuthOptions> external)
{
    public const string Realm = "Governance";

    private readonly string? authorizationUri = AuthorizationUriOf(external.Value);

    public string HeaderFor(HttpRequest request)
    {
        var challenge = $"Bearer realm=\"{Realm}\"";
        if (authorizationUri is not null)
            challenge += $", authorization_uri=\"{authorizationUri}\"";
        if (request.Headers.Authorization.Count > 0)
            challenge += ", error=\"invalid_token\"";
        return challenge;
    }

    /// <summary>The configured authorize endpoint, or the authority's OAuth 2.0 one (Entra ID's form: {authority}/oauth2/authorize).</summary>
    private static string? AuthorizationUriOf(ExternalAuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Authority))
            return null;
        if (!string.IsNullOrWhiteSpace(options.AuthorizationUri))
            return options.AuthorizationUri;
        var authority = options.Authority.TrimEnd('/');
        if (authority.EndsWith("/v2.0", StringComparison.OrdinalIgnoreCase))
            authority = authority[..^"/v2.0".Length];
        return authority + "/oauth2/authorize";
    }
}

internal static class AuthenticationChallengeMiddleware
{
    public static IApplicationBuilder UseAuthenticationChallenge(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var challenge = context.RequestServices.GetRequiredService<AuthenticationChallenge>();
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
                context.Response.Headers.WWWAuthenticate = challenge.HeaderFor(context.Request);
            return Task.CompletedTask;
        });
        await next();
    });
}
