using System.Security.Claims;
using Governance.Api.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Portal.Pages.Manage;

/// <summary>
/// Democratic services' pages: who may use them is the API's rule for writing agenda items (AccessRules), asked
/// before any handler runs; a visitor is sent to sign in, anyone else refused.
/// </summary>
public abstract class ManagePageModel : GatedPageModel
{
    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("AgendaItems", user.IsInRole);

    protected string Actor => User.Identity?.Name ?? "";

    /// <summary>Answers the form again with its errors, as 400 for bad input or 409 for a rule the record refused.</summary>
    protected IActionResult Refused(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
