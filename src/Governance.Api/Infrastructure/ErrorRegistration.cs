namespace Governance.Api.Infrastructure;

public static class ErrorRegistration
{
    public static IHostApplicationBuilder AddGovernanceErrors(this IHostApplicationBuilder builder)
    {
        // No exception details in any environment: problem details carry a title and a sentence, nothing more.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions.Remove("exception"));
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        return builder;
    }
}
