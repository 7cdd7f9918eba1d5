using Governance.Api.Features.Notifications;
using Governance.Workflows.Runtime;

namespace Governance.Api.Features.Documents;

/// <summary>
/// escalation-report — on reaching a rung whose recipients read a report (director, scrutiny committee), files the
/// escalation report and tells the named role where it is: { "action": "escalation-report", "role": "..." }.
/// </summary>
internal sealed class EscalationReportAction(PerformanceReports reports, NotificationOutbox outbox) : IWorkflowAction
{
    public string Name => "escalation-report";

    public IReadOnlyList<string> RequiredParameters { get; } = ["role"];

    public async Task RunAsync(ActionContext context, CancellationToken ct)
    {
        if (await reports.StageEscalationReportAsync(context.Subject.Id, context.Actor, ct) is not { } staged)
            return; // an internal SLA's escalation: its route has no report
        var document = staged.Document;
        var role = context.Parameters["role"];
        await outbox.AddAsync(
            $"{context.IdempotencyKey}:escalation-report:{role}",
            role,
            user: null,
            $"Escalation report: {document.Title}",
            $"The escalation report ({document.PageCount} pages) is published. Download it from the link; its SHA-256 is {document.Sha256}.",
            // The escalation's page shows the report and its filed versions (the document's key is assigned when the step saves).
            Notifications.PortalLinks.For(context.Subject.Type, context.Subject.Id),
            (context.Subject.Type, context.Subject.Id),
            ct);
    }
}
