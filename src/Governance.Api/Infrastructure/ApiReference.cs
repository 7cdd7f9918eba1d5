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
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Governance API")).AllowAnonymous();
        return app;
    }
}
