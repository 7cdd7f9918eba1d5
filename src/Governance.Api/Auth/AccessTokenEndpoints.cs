using System.Security.Claims;
using Governance.Api.Data;
using Governance.Domain.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Governance.Api.Auth;

public sealed record NewAccessToken(string Name, int Days);

public sealed record AccessTokenView(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>The secret is in this answer and nowhere else: the council keeps only its hash.</summary>
public sealed record IssuedAccessToken(int Id, string Name, string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Personal access tokens under /auth/tokens: an account holder creates, lists and revokes their own; an administrator
/// lists and revokes anyone's. A request signed in with a token cannot create or list tokens (a leaked token must not
/// be able to renew itself). Every issue and revocation is in the audit trail.
/// </summary>
public static class AccessTokenEndpoints
{
    public static IEndpointRouteBuilder MapAccessTokens(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/auth/tokens").WithTags("Accounts");
        tokens.MapPost("/", CreateAsync).WithName("Tokens_Create");
        tokens.MapGet("/", ListAsync).WithName("Tokens_List");
        tokens.MapDelete("/{id:int}", RevokeAsync).WithName("Tokens_Revoke");
        app.MapGet("/auth/users/{userId}/tokens", ListForAsync).WithName("Users_Tokens").WithTags("Accounts")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        return app;
    }

    private static async Task<Results<Created<IssuedAccessToken>, ProblemHttpResult>> CreateAsync(
        NewAccessToken request, ClaimsPrincipal principal, UserManager<GovernanceUser> users, GovernanceDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (principal.ByAccessToken())
            return Refused("Sign in with your password to create a token: a token cannot create another.");
        if (users.GetUserId(principal) is not { } userId)
            return Refused("Only a local account can hold personal access tokens.");
        var issued = await IssueTokenAsync(db, time, userId, request?.Name ?? "", request?.Days ?? 0, ct);
        return TypedResults.Created($"/auth/tokens/{issued.Id}", issued);
    }

    private static async Task<Results<Ok<List<AccessTokenView>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal principal, UserManager<GovernanceUser> users, GovernanceDbContext db, CancellationToken ct)
    {
        if (principal.ByAccessToken())
            return Refused("Sign in with your password to see your tokens.");
        return TypedResults.Ok(await ViewsAsync(db, users.GetUserId(principal) ?? "", ct));
    }

    private static async Task<Ok<List<AccessTokenView>>> ListForAsync(string userId, GovernanceDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ViewsAsync(db, userId, ct));

    /// <summary>Revokes a token of one's own, or (an administrator) anyone's. Another's token is "not found", as if it did not exist.</summary>
    private static async Task<Results<NoContent, NotFound>> RevokeAsync(
        int id, ClaimsPrincipal principal, UserManager<GovernanceUser> users, GovernanceDbContext db, IMemoryCache cache, TimeProvider time, CancellationToken ct)
    {
        return await RevokeTokenAsync(db, cache, time, id, users.GetUserId(principal), principal, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>Issues a token to an account (its rules on name and lifetime are the domain's); the secret is returned once and only its hash kept.</summary>
    /// <exception cref="Domain.Common.BusinessRuleException">The name or the lifetime is refused.</exception>
    public static async Task<IssuedAccessToken> IssueTokenAsync(GovernanceDbContext db, TimeProvider time, string userId, string name, int days, CancellationToken ct)
    {
        var (secret, hash) = PersonalAccessTokenHandler.NewSecret();
        var token = PersonalAccessToken.Issue(userId, name, hash, secret[..12], time.GetUtcNow(), days);
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedAccessToken(token.Id, token.Name, secret, token.ExpiresAt);
    }

    /// <summary>Revokes a token of the caller's own, or (an administrator) anyone's; false when it is neither, as if it did not exist.</summary>
    public static async Task<bool> RevokeTokenAsync(GovernanceDbContext db, IMemoryCache cache, TimeProvider time, int id, string? callerId, ClaimsPrincipal principal, CancellationToken ct)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || (token.UserId != callerId && !principal.IsInRole(Roles.Administrator)))
            return false;
        token.Revoke(principal.Identity?.Name ?? "unknown", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        PersonalAccessTokenHandler.Forget(cache, token.SecretHash);
        return true;
    }

    public static async Task<List<AccessTokenView>> ViewsAsync(GovernanceDbContext db, string userId, CancellationToken ct)
    {
        var rows = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.Id).ToListAsync(ct);
        return [.. rows.Select(t => new AccessTokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.RevokedBy))];
    }

    private static ProblemHttpResult Refused(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not with this credential");
}
