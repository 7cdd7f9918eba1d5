using Microsoft.AspNetCore.OData.Abstracts;
using Microsoft.AspNetCore.OData.Extensions;

namespace Governance.Api.OData;

/// <summary>
/// Gives every request inside an OData $batch its own service scope. The batch handler otherwise shares the
/// batch's scope, so scoped services (authentication handlers, the DbContext) would carry one request's state
/// into the next: a refused second request answered 200 instead of 403.
/// </summary>
public static class BatchRequestScopes
{
    public static IApplicationBuilder UseBatchRequestScopes(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.ODataBatchFeature() is not { BatchId: not null })
        {
            await next(context);
            return;
        }

        var original = context.RequestServices;
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices = original;
        }
    });
}
