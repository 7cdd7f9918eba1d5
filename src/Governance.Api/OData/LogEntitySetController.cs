using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.OData;

/// <summary>Reads of an append-only log: nothing here creates, changes or deletes a row.</summary>
[Authorize(Policy = EntitySetAccess.Read)]
public abstract class LogEntitySetController<T>(GovernanceDbContext db) : ODataController
    where T : class, ILogRow
{
    protected GovernanceDbContext Db => db;

    [GovernanceQuery]
    public IQueryable<T> Get() => Scope(db.Set<T>().AsNoTracking());

    [GovernanceQuery]
    public SingleResult<T> Get(long key) => SingleResult.Create(Scope(db.Set<T>().AsNoTracking()).Where(e => e.Id == key));

    /// <summary>The rows this user may read; all of them unless a set says otherwise.</summary>
    protected virtual IQueryable<T> Scope(IQueryable<T> rows) => rows;
}
