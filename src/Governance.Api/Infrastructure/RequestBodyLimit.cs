namespace Governance.Api.Infrastructure;

/// <summary>Request bodies are capped at 1 MiB: larger uploads (CSV imports, documents) get their own endpoints.</summary>
public static class RequestBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            await ErrorBodies.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "RequestBodyTooLarge", $"Request bodies are limited to {MaxBytes} bytes (1 MiB).");
            return;
        }

        // Bodies without a declared length are cut off by the server at the same size.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = MaxBytes;
        await next(context);
    });
}
