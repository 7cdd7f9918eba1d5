using System.Security.Cryptography;
using System.Text;
using Governance.Api.Data;
using Governance.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Idempotency;

/// <summary>
/// Idempotency-Key on POST, PUT, PATCH and DELETE: a client that lost an answer sends the same request with the same key
/// and gets the first answer back (with Idempotent-Replayed: true) while nothing is written again. The key is claimed
/// in the database before the request runs, so two hosts never run it twice; the write's own transaction marks it
/// applied (see <see cref="Data.Audit.AuditWriter"/>), so even a host killed between saving and answering leaves a
/// key that refuses to write again (409, saying so). A request refused without writing (a 4xx, a 5xx) frees its key:
/// running it again is safe and answers afresh. Keys belong to the signed-in user and last a day.
/// </summary>
public static class IdempotentWrites
{
    public const string Header = "Idempotency-Key";
    public const string ItemKey = "Governance.IdempotentRequestId";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    private const int MaxStoredBody = 1024 * 1024;

    public static IApplicationBuilder UseIdempotentWrites(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsPut(context.Request.Method) && !HttpMethods.IsPatch(context.Request.Method)
            && !HttpMethods.IsDelete(context.Request.Method)
            || !context.Request.Headers.TryGetValue(Header, out var values) || context.User.Identity is not { IsAuthenticated: true, Name: { } principal })
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (context.Features.Get<OData.SharedUnitOfWork>() is not null)
        {
            // Inside an atomicity group the write commits (or not) with the whole group, after this request answers:
            // an answer stored now could be replayed for a write the group then rolled back.
            await RefuseAsync(context, 400, "idempotency-key-in-atomicity-group",
                "Idempotency-Key is not taken on a request inside an atomicity group: the group commits as a whole. Retry the group only after reading what it would have written.");
            return;
        }

        if (key.Length is 0 or > 200 || key.Any(c => c is < '!' or > '~'))
        {
            await RefuseAsync(context, 400, "idempotency-key-invalid", "Idempotency-Key is 1 to 200 visible ASCII characters (a UUID, for instance).");
            return;
        }

        var hash = await HashAsync(context.Request);
        var scopes = context.RequestServices.GetRequiredService<IServiceScopeFactory>();
        if (await ClaimAsync(context, scopes, principal, key, hash) is not { } id)
            return; // answered: replayed, or refused

        context.Items[ItemKey] = id;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(context);
            completed = true;
        }
        finally
        {
            context.Response.Body = original;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
            var status = context.Response.StatusCode;
            var applied = await db.IdempotentRequests.Where(r => r.Id == id).Select(r => r.AppliedAt).SingleOrDefaultAsync(CancellationToken.None) is not null;
            if (completed && (applied || status < 300) && buffer.Length <= MaxStoredBody)
            {
                var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                var location = context.Response.Headers.Location.ToString();
                await db.IdempotentRequests.Where(r => r.Id == id).ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.Status, status).SetProperty(r => r.ContentType, context.Response.ContentType)
                    .SetProperty(r => r.Location, location.Length == 0 ? null : location).SetProperty(r => r.Body, body), CancellationToken.None);
            }
            else if (!applied)
            {
                await db.IdempotentRequests.Where(r => r.Id == id).ExecuteDeleteAsync(CancellationToken.None); // nothing written: the key is free again
            }

            if (completed)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original, CancellationToken.None);
            }
        }
    });

    /// <summary>The key's row, claimed for this request; null when the request was answered here instead.</summary>
    private static async Task<long?> ClaimAsync(HttpContext context, IServiceScopeFactory scopes, string principal, string key, string hash)
    {
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Principal == principal && r.Key == key, context.RequestAborted);
        if (existing is not null && existing.CreatedAt < now - Lifetime)
        {
            await db.IdempotentRequests.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(context.RequestAborted);
            existing = null;
        }

        if (existing is null)
        {
            var row = new IdempotentRequest { Principal = principal, Key = key, RequestHash = hash, CreatedAt = now, ClaimedUntil = now + ClaimFor };
            db.IdempotentRequests.Add(row);
            try
            {
                await db.SaveChangesAsync(context.RequestAborted);
                return row.Id;
            }
            catch (DbUpdateException)
            {
                await InProgressAsync(context);
                return null;
            }
        }

        if (existing.RequestHash != hash)
            await RefuseAsync(context, 422, "idempotency-key-reused", "This Idempotency-Key was used with a different request. Use a new key for a new request.");
        else if (existing.Status is { } status)
            await ReplayAsync(context, existing, status);
        else if (existing.AppliedAt is { } applied)
            await RefuseAsync(context, 409, "idempotent-request-applied",
                $"The request with this key was saved at {applied:yyyy-MM-dd HH:mm:ss} UTC, but its answer was lost. Nothing was written again: read the record to see the result.");
        else if (existing.ClaimedUntil <= now && await TakeOverAsync(db, existing, now, context.RequestAborted))
            return existing.Id; // the host that claimed it died before writing anything
        else
            await InProgressAsync(context);
        return null;
    }

    private static Task InProgressAsync(HttpContext context) =>
        RefuseAsync(context, 409, "idempotent-request-in-progress", "A request with this Idempotency-Key is still being processed. Wait for its answer, then retry.", retryAfter: true);

    private static async Task<bool> TakeOverAsync(GovernanceDbContext db, IdempotentRequest existing, DateTime now, CancellationToken ct) =>
        await db.IdempotentRequests.Where(r => r.Id == existing.Id && r.ClaimedUntil == existing.ClaimedUntil && r.AppliedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedUntil, now + ClaimFor), ct) == 1;

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentRequest stored, int status)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (stored.Location is { } location)
            context.Response.Headers.Location = location;
        if (stored.ContentType is { } type)
            context.Response.ContentType = type;
        if (!string.IsNullOrEmpty(stored.Body))
            await context.Response.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static Task RefuseAsync(HttpContext context, int status, string code, string detail, bool retryAfter = false)
    {
        if (retryAfter)
            context.Response.Headers.RetryAfter = "5";
        return ErrorBodies.WriteAsync(context, status, code, detail); // an OData error or problem details, as every refusal
    }
}
