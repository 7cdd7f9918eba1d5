using Scalar.AspNetCore;

namespace Governance.Api.Infrastructure;

public static class ApiReference
{
    public static IHostApplicationBuilder AddGovernanceApiReference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<Governance.Api.OData.ODataOpenApiTransformer>());
        return builder;
    }

    /// <summary>The OpenAPI description at /openapi/v1.json and an interactive reference page at /api-reference.</summary>
    public static IEndpointRouteBuilder MapGovernanceApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        // Signing in from the page: try POST /auth/login (it needs no token), then paste its accessToken (or a personal
        // access token) into the page's Bearer authentication, which every other request then carries.
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Governance API").AddPreferredSecuritySchemes("Bearer")).AllowAnonymous();
        return app;
    }
}
