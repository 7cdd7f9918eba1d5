using System.Security.Claims;
using Governance.Api.Auth;

namespace Governance.Api.Portal.Pages.Admin;

/// <summary>Administrators' pages: the API's rule for /auth/users (the Administrator role), asked before any handler runs.</summary>
public abstract class AdminPageModel : GatedPageModel
{
    protected override bool MayUse(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);
}
