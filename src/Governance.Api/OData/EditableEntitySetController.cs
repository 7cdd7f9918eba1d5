using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Deltas;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.OData;

/// <summary>
/// Reads, creation, updates of client-writable properties, and deletion as archival. Every change needs
/// If-Match with the row's current ETag: none is 428, a stale one 412.
/// </summary>
public abstract class EditableEntitySetController<T>(GovernanceDbContext db, TimeProvider time) : AppendOnlyEntitySetController<T>(db)
    where T : Entity, new()
{
    protected TimeProvider Time => time;

    [Authorize(Policy = EntitySetAccess.Write)]
    public Task<IActionResult> Patch(int key, [FromBody] Delta<T>? delta, ODataQueryOptions<T> options, CancellationToken ct) =>
        UpdateAsync(key, delta, options, replace: false, ct);

    [Authorize(Policy = EntitySetAccess.Write)]
    public Task<IActionResult> Put(int key, [FromBody] Delta<T>? delta, ODataQueryOptions<T> options, CancellationToken ct) =>
        UpdateAsync(key, delta, options, replace: true, ct);

    [Authorize(Policy = EntitySetAccess.Write)]
    public async Task<IActionResult> Delete(int key, ODataQueryOptions<T> options, CancellationToken ct)
    {
        var (entity, problem) = await LoadForChangeAsync(key, options, ct);
        if (problem is not null)
            return problem;
        if (await MayChangeAsync(entity!, ct) is { } forbidden)
            return forbidden;
        if (entity is not IArchivable archivable)
            return ODataErrors.Error(StatusCodes.Status405MethodNotAllowed, "NotDeletable", $"{typeof(T).Name} records are never deleted.");
        if (await BeforeArchiveAsync(entity!, ct) is { } kept)
            return kept;
        archivable.Archive(time.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(ct);
        return NoContent();
    }

    private async Task<IActionResult> UpdateAsync(int key, Delta<T>? delta, ODataQueryOptions<T> options, bool replace, CancellationToken ct)
    {
        if (EntityWrites.InvalidBody(delta, ModelState, update: true) is { } invalid)
            return invalid;
        var (entity, problem) = await LoadForChangeAsync(key, options, ct);
        if (problem is not null)
            return problem;
        if (await MayChangeAsync(entity!, ct) is { } forbidden)
            return forbidden;
        if (replace)
            EntityWrites.Replace(entity!, delta!);
        else
            delta!.Patch(entity!);
        if (await BeforeUpdateAsync(entity!, ct) is { } refused)
            return refused;
        if (await EntityWrites.ValidateAsync(Db, entity!, ct) is { } invalidEntity)
            return invalidEntity;
        await Db.SaveChangesAsync(ct);
        return Updated(entity!);
    }

    /// <summary>
    /// Object-level write scope, the same for PATCH, PUT and DELETE (archival): whether this user may change this
    /// record at all, before anything is applied. Returns a refusal or null.
    /// </summary>
    protected virtual Task<IActionResult?> MayChangeAsync(T entity, CancellationToken ct) => Task.FromResult<IActionResult?>(null);

    /// <summary>Rules that keep a record from being archived (a KPI a contract still needs); returns a refusal or null.</summary>
    protected virtual Task<IActionResult?> BeforeArchiveAsync(T entity, CancellationToken ct) => Task.FromResult<IActionResult?>(null);

    /// <summary>Checks rules that depend on the user or on the row's state; returns a refusal or null.</summary>
    protected virtual Task<IActionResult?> BeforeUpdateAsync(T entity, CancellationToken ct) => Task.FromResult<IActionResult?>(null);

    private async Task<(T? Entity, IActionResult? Problem)> LoadForChangeAsync(int key, ODataQueryOptions<T> options, CancellationToken ct)
    {
        if (options.IfMatch is null)
        {
            return (null, ODataErrors.Error(StatusCodes.Status428PreconditionRequired, "IfMatchRequired",
                "Send If-Match with the record's current ETag (its @odata.etag), or * to overwrite whatever is there."));
        }

        var entity = await Scope(Db.Set<T>()).SingleOrDefaultAsync(e => e.Id == key, ct);
        if (entity is null)
            return (null, ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"{typeof(T).Name} {key} does not exist."));
        if (!options.IfMatch.IsAny && !options.IfMatch.ApplyTo(new[] { entity }.AsQueryable()).Cast<T>().Any())
        {
            return (null, ODataErrors.Error(StatusCodes.Status412PreconditionFailed, "ETagMismatch",
                $"{typeof(T).Name} {key} has changed since you read it. Read it again and reapply your change."));
        }

        return (entity, null);
    }
}
