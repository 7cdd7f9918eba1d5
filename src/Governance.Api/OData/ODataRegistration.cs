using Governance.Api.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.OData.Batch;

namespace Governance.Api.OData;

public static class ODataRegistration
{
    public const string RoutePrefix = "odata";

    public static IHostApplicationBuilder AddGovernanceOData(this IHostApplicationBuilder builder)
    {
        var model = EdmModelBuilder.Build();
        var provider = builder.Configuration.GetSection(Data.Providers.DatabaseOptions.Section).Get<Data.Providers.DatabaseOptions>()?.Provider ?? Data.Providers.DatabaseProvider.Sqlite;
        builder.Services.AddSingleton(model);
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.AddScoped<AuditCheckpointJob>();
        builder.Services.AddSingleton<Listing.ListingMetrics>();
        builder.Services
            .AddControllers(o => o.Filters.Add<ODataErrorSanitizer>())
            .AddOData(o =>
            {
                o.AddRouteComponents(RoutePrefix, model, services =>
                {
                    services.AddSingleton<ODataBatchHandler>(new GovernanceBatchHandler());
                    services.AddSingleton<Microsoft.AspNetCore.OData.Query.Expressions.IFilterBinder, DateComparisonFilterBinder>();
                    services.AddSingleton<Microsoft.AspNetCore.OData.Query.Expressions.ISearchBinder>(new SearchBinder(provider));
                });
                o.Select().Filter().OrderBy().Expand().Count().SetMaxTop(GovernanceQueryAttribute.MaxTopValue);
                // DateTime filters must be read as UTC, or they shift by the server's offset and fail on Npgsql.
                o.TimeZone = TimeZoneInfo.Utc;
            });
        return builder;
    }

    /// <summary>Maps the OData controllers. $metadata and the service document describe the API only, so anyone may read them.</summary>
    public static IEndpointRouteBuilder MapGovernanceOData(this IEndpointRouteBuilder app)
    {
        app.MapControllers().Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<ControllerActionDescriptor>().FirstOrDefault()?.ControllerName == "Metadata")
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
        });
        return app;
    }
}
