using Governance.Api.Infrastructure;
using Microsoft.AspNetCore.OData.Extensions;

namespace Governance.Api.OData;

/// <summary>
/// A JSON $batch carries each response's body as JSON or text; the package wrote a PDF's raw bytes into it, which no
/// client can parse. A request inside a JSON batch whose answer is not JSON or text (a download) is answered 400
/// instead, saying to fetch it on its own. Multipart batches carry binary parts correctly and are left alone.
/// </summary>
public static class JsonBatchBodies
{
    private static readonly AsyncLocal<bool> InJsonBatch = new();

    /// <summary>Before the batch handler: notes that the requests about to run belong to a JSON batch.</summary>
    public static IApplicationBuilder UseJsonBatchMarker(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var isJsonBatch = context.Request.Path.Value?.EndsWith("/$batch", StringComparison.Ordinal) == true
            && context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        if (!isJsonBatch)
        {
            await next(context);
            return;
        }

        InJsonBatch.Value = true;
        try
        {
            await next(context);
        }
        finally
        {
            InJsonBatch.Value = false;
        }
    });

    /// <summary>Inside the batch: buffers each answer and refuses one that JSON cannot carry.</summary>
    public static IApplicationBuilder UseJsonBatchBodies(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!InJsonBatch.Value || context.ODataBatchFeature() is not { BatchId: not null })
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.ContentType is { } type && !IsJsonOrText(type))
        {
            context.Response.Headers.Clear();
            await ErrorBodies.WriteAsync(context, StatusCodes.Status400BadRequest, "download-in-json-batch",
                $"This answer is a file ({type.Split(';')[0]}), which a JSON batch cannot carry. Send this request on its own, or in a multipart batch.");
            return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    });

    private static bool IsJsonOrText(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);
}
