using Microsoft.AspNetCore.Mvc;
using Microsoft.OData;

namespace Governance.Api.OData;

/// <summary>OData error bodies with a status, a machine-readable code and a sentence a person can act on.</summary>
public static class ODataErrors
{
    public static ObjectResult Error(int status, string code, string message) =>
        new(new ODataError { Code = code, Message = message }) { StatusCode = status };

    public static ObjectResult BadRequest(string code, string message) => Error(StatusCodes.Status400BadRequest, code, message);

    /// <summary>An error's sentence, for a page or another answer that says it in its own way.</summary>
    public static string MessageOf(ObjectResult error) => (error.Value as ODataError)?.Message ?? "This could not be done.";

    public static string CodeOf(ObjectResult error) => (error.Value as ODataError)?.Code ?? "refused";
}
