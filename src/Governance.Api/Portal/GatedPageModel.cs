using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>A form field's error, if it has one.</summary>
    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The id of a field's error message, for its aria-describedby, when it has one.</summary>
    public string? ErrorIdOf(string field) => Errors.ContainsKey(field) ? field + "-error" : null;

    /// <summary>What the person typed in a field of the form (its handler) just refused, to give it back to them; nothing otherwise.</summary>
    public string? Given(string handler, string name) =>
        Request.HasFormContentType && string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase) ? Request.Form[name].ToString() : null;

    /// <summary>A field's form group, marked in error when the field has one.</summary>
    public string GroupClass(string field) => Errors.ContainsKey(field) ? "govuk-form-group govuk-form-group--error" : "govuk-form-group";

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (User.Identity?.IsAuthenticated != true)
            context.Result = Challenge();
        else if (!MayUse(User))
            context.Result = Forbid();
    }

    /// <summary>
    /// Shows an API refusal (an OData error: its sentence and status) against a field of the page's form, so the
    /// page says exactly what the API would have said.
    /// </summary>
    protected void Refused(string field, ObjectResult refusal)
    {
        Errors[field] = OData.ODataErrors.MessageOf(refusal);
        Response.StatusCode = refusal.StatusCode ?? StatusCodes.Status400BadRequest;
    }

    /// <summary>A domain rule's refusal against a field: 400 for input that is wrong, 409 for a rule the record's state breaks.</summary>
    protected void Refused(string field, Domain.Common.BusinessRuleException refusal)
    {
        Errors[field] = refusal.Message;
        Response.StatusCode = refusal.IsInvalidInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
    }
}
