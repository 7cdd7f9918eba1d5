using Microsoft.AspNetCore.OData.Abstracts;
using Microsoft.AspNetCore.OData.Extensions;

namespace Governance.Api.OData;

/// <summary>
/// Gives every request inside an OData $batch its own service scope (the requests of one change set share theirs:
/// <see cref="AtomicChangeSet"/>). The batch handler otherwise shares the
/// batch's scope, so scoped services (authentication handlers, the DbContext) would carry one request's state
/// into the next: a refused second request answered 200 instead of 403. It also points IHttpContextAccessor at the
/// inner request, whose user the exemption filter and the audit trail must see.
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
        // A change set's requests share its unit of work (one context, one transaction); any other request gets its own.
        var shared = context.Features.Get<SharedUnitOfWork>();
        var scope = shared is null ? context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope() : (AsyncServiceScope?)null;
        context.RequestServices = shared?.Services ?? scope!.Value.ServiceProvider;
        // Services that read "the current request" (the audit actor, the exemption filter's viewer) must see this
        // inner request and its signed-in user, not the outer $batch request.
        var accessor = context.RequestServices.GetService<IHttpContextAccessor>();
        var outer = accessor?.HttpContext;
        if (accessor is not null)
            accessor.HttpContext = context;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices = original;
            if (accessor is not null)
                accessor.HttpContext = outer;
            if (scope is { } own)
                await own.DisposeAsync();
        }
    });
}
