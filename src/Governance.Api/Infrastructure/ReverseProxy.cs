using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Governance.Api.Infrastructure;

/// <summary>
/// Behind a reverse proxy that ends TLS (README, Production): with ForwardedHeaders:Enabled the client's address and
/// scheme are taken from X-Forwarded-For and X-Forwarded-Proto, but only from the proxies listed in
/// ForwardedHeaders:KnownProxies (loopback by default), so nobody else can claim to be on HTTPS or at another address.
/// HTTPS requests then get HSTS (SecurityHeaders). Https:Redirect sends plain HTTP to HTTPS when the host itself
/// serves both.
/// </summary>
public static class ReverseProxy
{
    public static IHostApplicationBuilder AddReverseProxy(this IHostApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return builder;
    }

    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
            app.UseForwardedHeaders();
        if (app.Configuration.GetValue("Https:Redirect", false))
            app.UseHttpsRedirection();
        return app;
    }
}
