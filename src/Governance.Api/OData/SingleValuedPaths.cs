using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.OData.Edm;

namespace Governance.Api.OData;

/// <summary>
/// Single-valued paths of one record: a related record (<c>Measurements(1)/Indicator</c>), one property
/// (<c>Contracts(1)/Title</c>) and its raw value (<c>Contracts(1)/Title/$value</c>). Each is asked of the record itself
/// (<c>Measurements(1)?$expand=Indicator</c>, <c>Contracts(1)?$select=Title</c>), so the record's set decides whether the
/// reader may see it and the related set's rules and exemption filter decide the related record, as for any expansion;
/// the answer is then cut down to the part asked for. A missing related record or a null value is 204, as the
/// protocol says.
/// </summary>
internal static class SingleValuedPaths
{
    public sealed record Part(string Name, string Context, bool IsNavigation, bool Raw);

    /// <summary>The single-valued part <paramref name="name"/> of a record of <paramref name="setName"/>, or null when it has none by that name.</summary>
    public static Part? PartOf(IEdmModel model, string setName, string key, string name, bool raw)
    {
        if (model.EntityContainer.FindEntitySet(setName) is not { } set || set.EntityType.FindProperty(name) is not { } property)
            return null;
        return property switch
        {
            IEdmNavigationProperty { Type.Definition.TypeKind: not EdmTypeKind.Collection } navigation when !raw
                && set.FindNavigationTarget(navigation) is IEdmEntitySet target => new Part(property.Name, $"{target.Name}/$entity", true, false),
            IEdmStructuralProperty { Type.Definition.TypeKind: EdmTypeKind.Primitive or EdmTypeKind.Enum } =>
                new Part(property.Name, $"{set.Name}({key})/{property.Name}", false, raw),
            _ => null,
        };
    }

    /// <summary>Asks the record for the part (<c>$expand</c> of a related record, <c>$select</c> of a property) and answers only the part.</summary>
    public static Task AnswerAsync(HttpContext context, RequestDelegate next, string setName, string key, Part part)
    {
        var builder = new QueryBuilder();
        if (part.IsNavigation)
        {
            // The client's options ($select, $expand) are the related record's, so they go inside its expansion.
            var nested = string.Join(';', context.Request.Query.Select(q => $"{q.Key}={q.Value}"));
            builder.Add("$expand", nested.Length == 0 ? part.Name : $"{part.Name}({nested})");
        }
        else
        {
            builder.Add("$select", part.Name);
        }

        context.Request.Path = $"/{ODataRegistration.RoutePrefix}/{setName}({key})";
        context.Request.QueryString = builder.ToQueryString();
        return AnswerPartAsync(context, next, part);
    }

    /// <summary>Runs the record's read into a buffer, and answers the part of it that was asked for.</summary>
    private static async Task AnswerPartAsync(HttpContext context, RequestDelegate next, Part part)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        buffer.Position = 0;
        if (response.StatusCode != StatusCodes.Status200OK || JsonNode.Parse(buffer) is not JsonObject record)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        response.Headers.ETag = default; // the record's version, not the part's
        var value = record[part.Name];
        if (value is null)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            response.ContentLength = 0;
            return;
        }

        if (part.Raw)
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(), context.RequestAborted);
            return;
        }

        var root = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/{ODataRegistration.RoutePrefix}/$metadata#{part.Context}";
        var answer = new JsonObject { ["@odata.context"] = root };
        if (part.IsNavigation)
        {
            foreach (var (name, node) in value.AsObject().ToList())
                answer[name] = node?.DeepClone();
        }
        else
        {
            answer["value"] = value.DeepClone();
        }

        response.ContentLength = null;
        await response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }
}
