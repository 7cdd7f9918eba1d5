using Governance.Api.Data;
using Governance.Domain.Common;
using Governance.Domain.Notices;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notices;

/// <summary>
/// raise-notice — the notice a step's event requires: { "action": "raise-notice", "type": "UK6", "trigger": "..." }, on a
/// procurement's workflow. A contract's notice (UK7) is about the contract created from the procurement. A
/// procurement termination notice (UK12) is raised only once a tender notice was: s.55 applies to a procurement that was advertised.
/// </summary>
internal sealed class RaiseNoticeAction(NoticeDesk desk, GovernanceDbContext db) : IWorkflowAction
{
    public string Name => "raise-notice";

    public IReadOnlyList<string> RequiredParameters { get; } = ["type", "trigger"];

    public async Task RunAsync(ActionContext context, CancellationToken ct)
    {
        if (!Enum.TryParse<NoticeType>(context.Parameters["type"], out var type))
            throw new InvalidOperationException($"Workflow {context.Definition.Id} names an unknown notice type {context.Parameters["type"]}.");
        if (context.Subject.Type != "Procurement")
            throw new InvalidOperationException($"raise-notice runs on a procurement's workflow, not a {context.Subject.Type}'s.");
        var procurementId = context.Subject.Id;
        if (type == NoticeType.UK12 && !await db.Notices.IgnoreQueryFilters().AnyAsync(n => n.ProcurementId == procurementId && n.Type == NoticeType.UK4, ct))
            return;
        int? contractId = null;
        if (NoticeDeadlines.IsAboutContract(type))
        {
            contractId = await db.Contracts.IgnoreQueryFilters().Where(c => c.ProcurementId == procurementId).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
                ?? throw new BusinessRuleException("contract-not-created", "Create the contract from the award (CreateContract) before this step: its notice is about the contract.");
        }

        await desk.RaiseAsync(type, procurementId, contractId, context.Parameters["trigger"], $"{context.IdempotencyKey}:notice:{type}", ct);
    }
}
