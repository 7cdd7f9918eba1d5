using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Features.Audit;

/// <summary>The audit trail: readable by administrators and statutory officers, writable by nobody.</summary>
public sealed class AuditEntriesController(GovernanceDbContext db, AuditVerifier verifier) : LogEntitySetController<AuditEntry>(db)
{
    /// <summary>POST /odata/AuditEntries/Governance.Verify</summary>
    [HttpPost]
    public async Task<ActionResult<AuditVerification>> Verify(CancellationToken ct) => Ok(await verifier.VerifyAsync(ct));
}
