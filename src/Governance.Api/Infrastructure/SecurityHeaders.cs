using Microsoft.Net.Http.Headers;

namespace Governance.Api.Infrastructure;

/// <summary>
/// Security headers on every response, and caching that never keeps what is confidential. The API answers JSON and
/// PDFs, so its policy allows nothing to run or frame it; the two HTML pages (the API reference and the jobs
/// dashboard) load their own scripts and styles from this origin only. HSTS is sent on HTTPS requests.
/// </summary>
public static class SecurityHeaders
{
    private static readonly string[] PagePaths = ["/api-reference", "/hangfire"];

    public static IApplicationBuilder UseGovernanceSecurityHeaders(this IApplicationBuilder app)
    {
        var api = new HeaderPolicyCollection()
            .AddDefaultApiSecurityHeaders()
            .AddReferrerPolicyNoReferrer()
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60)
            .RemoveServerHeader();
        var pages = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyNoReferrer()
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60)
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().UnsafeInline();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self().Data();
                csp.AddFrameAncestors().None();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
            });
        // The portal's pages run no inline script or style at all, so their policy allows none.
        var portal = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyNoReferrer()
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60)
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
            });
        app.UseWhen(IsPage, b => b.UseSecurityHeaders(pages));
        app.UseWhen(c => !IsPage(c) && Portal.PortalRegistration.IsPortal(c), b => b.UseSecurityHeaders(portal));
        app.UseWhen(c => !IsPage(c) && !Portal.PortalRegistration.IsPortal(c), b => b.UseSecurityHeaders(api));
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                NoStore(context);
                return Task.CompletedTask;
            });
            await next();
        });
        return app;
    }

    private static bool IsPage(HttpContext context) =>
        PagePaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Every response is no-store unless its endpoint chose otherwise (a public PDF revalidated by its hash), and every
    /// sign-in or token response is no-store whatever it says: a reply may be confidential to its caller (a Part B
    /// paper, a bid, a token).
    /// </summary>
    private static void NoStore(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (headers.CacheControl.Count == 0 || context.Request.Path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
