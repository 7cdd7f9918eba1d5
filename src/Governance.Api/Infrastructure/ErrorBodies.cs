using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Infrastructure;

/// <summary>
/// One error format per surface: under /odata the OData JSON error (<c>{"error":{"code","message","@Governance.TraceId"}}</c>, with
/// <c>OData-Version: 4.0</c>), so that OData clients raise it; elsewhere RFC 9457 problem details. Every error the
/// service writes outside a controller's own result goes through here, and a status without a body (a 401, 403 or
/// 404 from the framework) gets one.
/// </summary>
public static class ErrorBodies
{
    public static bool IsOData(HttpContext context) => context.Request.Path.StartsWithSegments("/odata");

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        if (IsOData(context))
        {
            context.Response.Headers["OData-Version"] = "4.0";
            var error = new Dictionary<string, string> { ["code"] = code, ["message"] = message, ["@" + TraceTerm] = RequestLogging.TraceIdOf(context) };
            return context.Response.WriteAsJsonAsync(new { error }, options: null, contentType: "application/json; odata.metadata=minimal; charset=utf-8");
        }
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = code, Detail = message },
        }).AsTask();
    }

    /// <summary>The annotation that carries a request's trace id in an OData error, so that it names its log lines too.</summary>
    public const string TraceTerm = "Governance.TraceId";

    public static Microsoft.OData.ODataInstanceAnnotation TraceAnnotation(HttpContext context) =>
        new(TraceTerm, new Microsoft.OData.ODataPrimitiveValue(RequestLogging.TraceIdOf(context)));

    /// <summary>Bodies for statuses the framework answers without one.</summary>
    public static IApplicationBuilder UseErrorBodies(this IApplicationBuilder app) => app.UseStatusCodePages(context =>
    {
        var http = context.HttpContext;
        var (code, message) = http.Response.StatusCode switch
        {
            401 => ("Unauthenticated", "Sign in first: send a bearer token (POST /auth/login) with the request."),
            403 => ("Forbidden", "Your roles do not allow this request on this resource."),
            404 => ("NotFound", "There is no resource at this address, or it is not one you may see."),
            405 => ("MethodNotAllowed", $"{http.Request.Method} is not allowed here."),
            406 => ("NotAcceptable", "The service cannot answer in the format the Accept header asks for."),
            415 => ("UnsupportedMediaType", "Send the body as application/json."),
            429 => ("TooManyRequests", "Too many requests from this address: wait and try again."),
            var other => ($"Status{other}", "The request could not be completed."),
        };
        return WriteAsync(http, http.Response.StatusCode, code, message);
    });
}
