using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Portal;

/// <summary>
/// A page for some people only: who is asked of the API's own rules (<see cref="MayUse"/>) before any handler runs;
/// a visitor is sent to sign in, anyone else refused. Its form errors are kept by field for the error summary.
/// </summary>
public abstract class GatedPageModel : PageModel
{
    public Dictionary<string, string> Errors { get; } = [];

    protected abstract bool MayUse(ClaimsPrincipal user);

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (User.Identity?.IsAuthenticated != true)
            context.Result = Challenge();
        else if (!MayUse(User))
            context.Result = Forbid();
    }
}
