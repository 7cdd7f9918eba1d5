using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Portal;

/// <summary>
/// The web portal (ADR 0016): Razor Pages in this host, under Portal/Pages, styled with the council's build of
/// govuk-frontend (wwwroot/portal/assets). Public pages are open to anyone; the rest need the account cookie, and a
/// visitor who has none is sent to the sign-in page. Pages read through the same DbContext as the API, so the
/// exemption filter and the domain's rules apply to them unchanged.
/// </summary>
public static class PortalRegistration
{
    /// <summary>The pages anyone may read: what s.100B and the Transparency Code make public.</summary>
    private static readonly string[] PublicPages =
    [
        "/Index", "/SignIn", "/Meetings/Index", "/Meetings/Details", "/Committees/Index", "/Committees/Details", "/Papers/Details",
        "/Papers/Pdf", "/Meetings/Pack", "/Decisions/Index", "/ForwardPlan", "/Contracts/Index", "/Transparency/Index",
    ];

    public static WebApplicationBuilder AddGovernancePortal(this WebApplicationBuilder builder)
    {
        // Published, the assets sit in wwwroot beside the host; run from a build (tests, `dotnet run` outside
        // Development) they are read where the build's manifest says, as Development does by itself.
        if (!Directory.Exists(Path.Combine(builder.Environment.ContentRootPath, "wwwroot")))
            builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Portal/Pages";
            foreach (var page in PublicPages)
                options.Conventions.AllowAnonymousToPage(page);
        });
        builder.Services.AddScoped<Work.ContractDashboard>();
        builder.Services.AddScoped<Work.WorkflowSteps>();
        builder.Services.AddScoped<Work.ReturnForm>();
        return builder;
    }

    /// <summary>
    /// The pages, and their stylesheet and script as static assets (fingerprinted and compressed at build, served
    /// from the build's manifest in every environment, and public: a visitor who has not signed in needs them too).
    /// </summary>
    public static WebApplication MapGovernancePortal(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Whether a request is for the portal (an HTML page or its assets) rather than the API.</summary>
    public static bool IsPortal(HttpContext context) => !ApiPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] ApiPrefixes = ["/odata", "/api", "/auth", "/health", "/metrics", "/openapi", "/api-reference", "/hangfire", "/performance"];
}
