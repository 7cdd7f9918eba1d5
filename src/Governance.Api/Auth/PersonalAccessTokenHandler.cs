using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Governance.Api.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Governance.Api.Auth;

/// <summary>
/// Signs in a request that presents a personal access token: as a bearer token, or as the password of Basic
/// authentication (the user name is not used: the token names its holder), which is how Excel's and Power BI's
/// OData feed credentials send it. The principal is the holder's, built as a password sign-in builds it, with the
/// roles the account has now; a locked or disabled account is refused by the session check like any other.
/// </summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    GovernanceDbContext db, SignInManager<GovernanceUser> signIn, IMemoryCache cache, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";
    public const string SecretPrefix = "gov_pat_";

    /// <summary>Whether the request carries credentials this handler answers for.</summary>
    public static bool Presents(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            || header.StartsWith("Bearer " + SecretPrefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A new secret (256 random bits) and its hash.</summary>
    public static (string Secret, string Hash) NewSecret()
    {
        var secret = SecretPrefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (secret, HashOf(secret));
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Forgets a token's sign-in, so that revoking it takes effect on its next request.</summary>
    public static void Forget(IMemoryCache cache, string hash) => cache.Remove(CacheKey(hash));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization.ToString(), out var header) || header.Parameter is null)
            return AuthenticateResult.NoResult();
        var secret = header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) ? BasicPassword(header.Parameter) : header.Parameter;
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
            return AuthenticateResult.Fail("Basic authentication takes a personal access token as its password (create one with POST /auth/tokens); account passwords are not accepted.");

        var hash = HashOf(secret);
        // Read at most once a minute per token, as sessions are (SessionValidation); revoking forgets it at once.
        var holder = await cache.GetOrCreateAsync(CacheKey(hash), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = SessionValidation.Interval;
            return await db.PersonalAccessTokens.AsNoTracking().Where(t => t.SecretHash == hash)
                .Select(t => new Holder(t.UserId, t.ExpiresAt, t.RevokedAt)).SingleOrDefaultAsync(Context.RequestAborted);
        });
        if (holder is null || holder.RevokedAt is not null || time.GetUtcNow() >= holder.ExpiresAt)
            return AuthenticateResult.Fail("The personal access token is unknown, expired or revoked.");
        if (await signIn.UserManager.FindByIdAsync(holder.UserId) is not { } user)
            return AuthenticateResult.Fail("The token's account no longer exists.");

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, principal.Identities.First().NameClaimType, principal.Identities.First().RoleClaimType);
        identity.AddClaim(new Claim(GovernanceClaims.CredentialKind, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static string? BasicPassword(string parameter)
    {
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string CacheKey(string hash) => $"pat:{hash}";

    private sealed record Holder(string UserId, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);
}
