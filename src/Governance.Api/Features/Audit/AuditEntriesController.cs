using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Audit;

/// <summary>The audit trail: readable by administrators and statutory officers, writable by nobody.</summary>
[Authorize(Policy = EntitySetAccess.Read)]
public sealed class AuditEntriesController(GovernanceDbContext db, AuditVerifier verifier) : ODataController
{
    [GovernanceQuery]
    public IQueryable<AuditEntry> Get() => db.AuditEntries.AsNoTracking();

    [GovernanceQuery]
    public SingleResult<AuditEntry> Get(long key) => SingleResult.Create(db.AuditEntries.AsNoTracking().Where(a => a.Id == key));

    /// <summary>POST /odata/AuditEntries/Governance.Verify</summary>
    [HttpPost]
    public async Task<ActionResult<AuditVerification>> Verify(CancellationToken ct) => Ok(await verifier.VerifyAsync(ct));
}
