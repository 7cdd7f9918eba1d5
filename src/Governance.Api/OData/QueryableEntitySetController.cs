using System.Linq.Expressions;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.OData;

/// <summary>Reads of one entity set: the collection and one row by key, limited to the rows the user may see.</summary>
[Authorize(Policy = EntitySetAccess.Read)]
public abstract class QueryableEntitySetController<T>(GovernanceDbContext db) : ODataController
    where T : Entity
{
    protected GovernanceDbContext Db => db;

    [GovernanceQuery]
    public IQueryable<T> Get() => ReadableRows();

    /// <summary>
    /// One row, with its ETag in the header as well as in the body; a client that sends the ETag it holds in
    /// If-None-Match gets 304 when the row has not changed.
    /// </summary>
    [GovernanceQuery]
    public async Task<IActionResult> Get(int key, CancellationToken ct)
    {
        var rows = ReadableRows().Where(e => e.Id == key);
        if (await rows.Select(e => (long?)e.Revision).SingleOrDefaultAsync(ct) is { } revision
            && Request.GetETagHandler().CreateETag(new Dictionary<string, object?> { [nameof(Entity.Revision)] = revision }, TimeZoneInfo.Utc) is { } etag)
        {
            if (Request.GetTypedHeaders().IfNoneMatch.Any(m => m.Tag == etag.Tag || m.Equals(Microsoft.Net.Http.Headers.EntityTagHeaderValue.Any)))
                return StatusCode(StatusCodes.Status304NotModified);
            Response.Headers.ETag = etag.ToString();
        }
        return Ok(SingleResult.Create(rows));
    }

    /// <summary>The rows this user may read, untracked.</summary>
    protected IQueryable<T> ReadableRows() => Scope(db.Set<T>().AsNoTracking());

    /// <summary>
    /// Object-level access: a Supplier account is limited to its own supplier's rows. Sets with nothing of a
    /// supplier's override <see cref="SupplierRows"/> to say so; by default a supplier sees none of them.
    /// Confidential sets narrow this further to a procurement's team.
    /// </summary>
    protected virtual IQueryable<T> Scope(IQueryable<T> rows) =>
        User.SupplierScope() is { } supplierId ? rows.Where(SupplierRows(supplierId)) : rows;

    protected virtual Expression<Func<T, bool>> SupplierRows(int supplierId) => _ => false;

    /// <summary>
    /// A service only some actions use, from the request's services when one of them asks. Taken in the
    /// constructor, it would be built for every read of the set (the workflow runtime with all its guards, say).
    /// </summary>
    protected TService Service<TService>()
        where TService : notnull => HttpContext.RequestServices.GetRequiredService<TService>();
}
