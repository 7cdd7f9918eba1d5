using Governance.Reports.Layout;
using Governance.Workflows.Runtime;

namespace Governance.Api.Features.Documents;

public static class DocumentsRegistration
{
    /// <summary>
    /// Loads the report fonts now, so that a machine without them fails at start-up with the package to install,
    /// not at the first committee paper.
    /// </summary>
    public static IHostApplicationBuilder AddGovernanceDocuments(this IHostApplicationBuilder builder)
    {
        var fonts = ReportFonts.Load();
        builder.Services.AddSingleton(fonts);
        builder.Services.AddSingleton(new PdfRenderer(fonts));
        builder.Services.AddScoped<PaperDataLoader>();
        builder.Services.AddScoped<DocumentPublisher>();
        builder.Services.AddScoped<CommitteePapers>();
        builder.Services.AddScoped<PerformanceReports>();
        builder.Services.AddScoped<GeneratePackJob>();
        builder.Services.AddScoped<MeetingPacks>();
        builder.Services.AddScoped<IWorkflowAction, EscalationReportAction>();
        return builder;
    }
}
