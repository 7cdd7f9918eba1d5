using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.OData;

namespace Governance.Api.OData;

/// <summary>
/// The OData package puts exception types and stack traces into its 400 bodies, in every environment. This
/// filter keeps the message a client needs, drops the rest, and adds the request's trace id (an instance annotation).
/// </summary>
internal sealed class ODataErrorSanitizer : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not ObjectResult { StatusCode: >= 400 } result)
            return;
        var sanitized = result.Value switch
        {
            ODataError error => new ODataError { Code = error.Code, Message = error.Message, Target = error.Target, Details = error.Details },
            SerializableError error => new ODataError { Code = "BadRequest", Message = MessageOf(error) },
            _ => null,
        };
        if (sanitized is null)
            return;
        sanitized.InstanceAnnotations.Add(Infrastructure.ErrorBodies.TraceAnnotation(context.HttpContext));
        result.Value = sanitized;
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private static string MessageOf(SerializableError error)
    {
        foreach (var key in new[] { "Message", "message", "ExceptionMessage" })
        {
            if (error.TryGetValue(key, out var value) && value is string text)
                return text;
        }

        return "The request is not valid.";
    }
}
