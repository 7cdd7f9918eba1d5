using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Features.Scrutiny;

/// <summary>Sign-off requests are raised, then decided; the request itself is never edited.</summary>
public sealed class SignOffRequestsController(GovernanceDbContext db, TimeProvider time) : AppendOnlyEntitySetController<SignOffRequest>(db)
{
    protected override Task<IActionResult?> BeforeCreateAsync(SignOffRequest entity, CancellationToken ct)
    {
        if (!Auth.Roles.All.Contains(entity.RequiredRole))
            return Task.FromResult<IActionResult?>(ODataErrors.BadRequest("unknown-role", $"RequiredRole must be one of {string.Join(", ", Auth.Roles.All)}."));
        entity.RaisedBy = User.Identity?.Name ?? "";
        entity.RaisedAt = time.GetUtcNow().UtcDateTime;
        entity.Status = SignOffStatus.Pending;
        return Task.FromResult<IActionResult?>(null);
    }
}
