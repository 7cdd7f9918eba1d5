using Governance.Api.Auth;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Portal.Pages.Admin;

/// <summary>Administrators' pages: the API's rule for /auth/users (the Administrator role), asked before any handler runs.</summary>
public abstract class AdminPageModel : PageModel
{
    public Dictionary<string, string> Errors { get; } = [];

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (User.Identity?.IsAuthenticated != true)
            context.Result = Challenge();
        else if (!User.IsInRole(Roles.Administrator))
            context.Result = Forbid();
    }
}
