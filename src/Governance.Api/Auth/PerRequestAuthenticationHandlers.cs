using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authentication;

namespace Governance.Api.Auth;

/// <summary>
/// Authentication handlers per request, not per service scope. The framework's provider keeps one handler per scheme
/// for the whole scope, initialised with the first request it served; the requests of a $batch change set share a
/// scope (one unit of work), so a refusal of the second request was written to the first one's response.
/// </summary>
internal sealed class PerRequestAuthenticationHandlers(IAuthenticationSchemeProvider schemes) : IAuthenticationHandlerProvider
{
    private readonly ConditionalWeakTable<HttpContext, Dictionary<string, IAuthenticationHandler>> handlers = [];

    public async Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
    {
        var forRequest = handlers.GetOrCreateValue(context);
        if (forRequest.TryGetValue(authenticationScheme, out var known))
            return known;
        if (await schemes.GetSchemeAsync(authenticationScheme) is not { } scheme)
            return null;
        var handler = (context.RequestServices.GetService(scheme.HandlerType) ?? ActivatorUtilities.CreateInstance(context.RequestServices, scheme.HandlerType)) as IAuthenticationHandler;
        if (handler is null)
            return null;
        await handler.InitializeAsync(scheme, context);
        forRequest[authenticationScheme] = handler;
        return handler;
    }
}
