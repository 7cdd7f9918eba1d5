using Governance.Api.Data;
using Governance.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows;

/// <summary>
/// The sign-off gates of the workflow a record runs on (the definition version its instance started on): who
/// signs each gate, with what quorum, and whether independently of the people doing the work.
/// </summary>
public sealed class SignOffGates(GovernanceDbContext db, WorkflowDefinitions definitions)
{
    private static readonly IReadOnlyDictionary<string, SignOffGate> None = new Dictionary<string, SignOffGate>();

    public async Task<IReadOnlyDictionary<string, SignOffGate>> OfAsync(string subjectType, int subjectId, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectType == subjectType && i.SubjectId == subjectId)
            .OrderByDescending(i => i.Id)
            .Select(i => new { i.DefinitionId, i.DefinitionVersion })
            .FirstOrDefaultAsync(ct);
        return instance is null ? None : definitions.Get(instance.DefinitionId, instance.DefinitionVersion).Gates;
    }

    public async Task<SignOffGate?> FindAsync(string subjectType, int subjectId, string gate, CancellationToken ct) =>
        (await OfAsync(subjectType, subjectId, ct)).GetValueOrDefault(gate);
}
