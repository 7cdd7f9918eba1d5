using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Deltas;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.OData;

/// <summary>Reads plus creation. Sets whose rows are never changed once written (measurements) stop here.</summary>
public abstract class AppendOnlyEntitySetController<T>(GovernanceDbContext db) : QueryableEntitySetController<T>(db)
    where T : Entity, new()
{
    [Authorize(Policy = EntitySetAccess.Write)]
    public async Task<IActionResult> Post([FromBody] Delta<T>? delta, CancellationToken ct)
    {
        if (EntityWrites.InvalidBody(delta, ModelState) is { } invalid)
            return invalid;
        var entity = new T();
        delta!.Patch(entity);
        if (await BeforeCreateAsync(entity, ct) is { } refused)
            return refused;
        if (await EntityWrites.ValidateAsync(Db, entity, ct) is { } problem)
            return problem;
        await using var transaction = await Db.Database.BeginUnlessInOneAsync(ct);
        Db.Add(entity);
        await Db.SaveChangesAsync(ct);
        await AfterCreateAsync(entity, ct);
        await transaction.CommitIfOwnAsync(ct);
        return Created(entity);
    }

    /// <summary>Work that belongs to the same command once the row has its key (starting its workflow); saves its own changes.</summary>
    protected virtual Task AfterCreateAsync(T entity, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Sets server-managed values and checks rules that depend on the user; returns a refusal or null.</summary>
    protected virtual Task<IActionResult?> BeforeCreateAsync(T entity, CancellationToken ct) => Task.FromResult<IActionResult?>(null);
}
