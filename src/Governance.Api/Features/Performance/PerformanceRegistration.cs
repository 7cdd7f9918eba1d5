namespace Governance.Api.Features.Performance;

public static class PerformanceRegistration
{
    public static IHostApplicationBuilder AddGovernancePerformance(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<MeasurementRecorder>();
        builder.Services.AddScoped<ReturnDeadlines>();
        builder.Services.AddScoped<Escalations.RemediationWatch>();
        builder.Services.AddScoped<Escalations.RemediationPlanning>();
        builder.Services.AddScoped<Attachments.AttachmentStore>();
        builder.Services.AddScoped<Transparency.TransparencyCodeFile>();
        builder.Services.AddScoped<Transparency.Ocds.OcdsReleases>();
        builder.Services.AddScoped<SlipDetector>();
        builder.Services.AddScoped<Contracts.ReturnChecks>();
        builder.Services.AddScoped<SlipDetectionJob>();
        builder.Services.AddScoped<ContractPerformance>();
        builder.Services.AddScoped<Contracts.ContractRemindersJob>();
        builder.Services.AddScoped<Contracts.ContractModifier>();
        return builder;
    }
}
