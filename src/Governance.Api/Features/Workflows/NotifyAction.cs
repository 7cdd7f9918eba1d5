using Governance.Api.Features.Notifications;
using Governance.Workflows.Runtime;

namespace Governance.Api.Features.Workflows;

/// <summary>
/// notify — writes a notification to the outbox: { "action": "notify", "role", "subject", "body"?, "to"? }. With
/// "to": "named" it goes to the person the record names as responsible (the escalation's owner at this rung, the
/// procurement's lead officer, the contract manager) when that person has an account with the role; with "to":
/// "manager", to the manager of the contract the record is about (an escalation's, at whatever rung); otherwise, and
/// without "to", to everyone holding the role. The subject names the record, the body says what is due and by when.
/// </summary>
internal sealed class NotifyAction(NotificationOutbox outbox, NotificationSubjects subjects, NamedPeople people) : IWorkflowAction
{
    public string Name => "notify";

    public IReadOnlyList<string> RequiredParameters { get; } = ["role", "subject"];

    public async Task RunAsync(ActionContext context, CancellationToken ct)
    {
        var role = context.Parameters["role"];
        var facts = await subjects.FactsAsync(context.Subject.Type, context.Subject.Id, ct);
        var person = context.Parameters.GetValueOrDefault("to") switch
        {
            "named" => await people.EmailOfAsync(facts.NamedPerson, role, ct),
            "manager" => await people.EmailOfAsync(facts.Manager, role, ct),
            _ => null,
        };
        var body = context.Parameters.GetValueOrDefault("body") ?? "";
        if (facts.DueUtc is { } due && context.Definition.State(context.Subject.State).Timer is not null)
            body += $"{Environment.NewLine}{Environment.NewLine}{NotificationSubjects.DueSentence(due)}";
        if (!string.IsNullOrWhiteSpace(context.Comment))
            body += $"{Environment.NewLine}{Environment.NewLine}Comment from {context.Actor}: {context.Comment}";
        await outbox.AddAsync(
            $"{context.IdempotencyKey}:notify:{role}",
            role,
            person,
            $"{context.Parameters["subject"]}: {facts.Title}",
            body,
            PortalLinks.For(context.Subject.Type, context.Subject.Id) ?? $"/odata/{context.Subject.Type}s({context.Subject.Id})",
            (context.Subject.Type, context.Subject.Id),
            ct,
            keyCannotBeStored: true); // the key names this step of the instance, saved with it
    }
}
