using Governance.Api.Features.Notifications;
using Governance.Workflows.Runtime;

namespace Governance.Api.Features.Workflows;

/// <summary>notify — writes a notification for a role to the outbox: { "action": "notify", "role", "subject", "body"? }.</summary>
internal sealed class NotifyAction(NotificationOutbox outbox) : IWorkflowAction
{
    public string Name => "notify";

    public IReadOnlyList<string> RequiredParameters { get; } = ["role", "subject"];

    public Task RunAsync(ActionContext context, CancellationToken ct)
    {
        var role = context.Parameters["role"];
        var body = context.Parameters.GetValueOrDefault("body") ?? "";
        if (!string.IsNullOrWhiteSpace(context.Comment))
            body += $"{Environment.NewLine}{Environment.NewLine}Comment from {context.Actor}: {context.Comment}";
        return outbox.AddAsync(
            $"{context.IdempotencyKey}:notify:{role}",
            role,
            user: null,
            $"{context.Parameters["subject"]}: {context.Subject.Type} {context.Subject.Id}",
            body,
            $"/odata/{context.Subject.Type}s({context.Subject.Id})",
            (context.Subject.Type, context.Subject.Id),
            ct);
    }
}
