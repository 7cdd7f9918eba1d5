using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows.Subjects;

/// <summary>A procurement's Stage is the name of its workflow state; entering a stage records its actual date in the timetable.</summary>
internal sealed class ProcurementSubject(GovernanceDbContext db) : IWorkflowSubjectType
{
    public string SubjectType => nameof(Procurement);

    public IReadOnlySet<string> Properties { get; } = new HashSet<string>();

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Procurements.AnyAsync(p => p.Id == id, ct);

    public Task LoadAsync(IReadOnlyCollection<int> ids, CancellationToken ct) => db.Procurements.Where(p => ids.Contains(p.Id)).LoadAsync(ct);

    public Task<DateTime?> GetAsync(int subjectId, string propertyName, CancellationToken ct) => Task.FromResult<DateTime?>(null);

    public async Task OnEnteredAsync(int id, string state, string? comment, DateTime? nextTimerDue, DateTime nowUtc, CancellationToken ct)
    {
        if (!Enum.TryParse<ProcurementStage>(state, out var stage))
            return;
        var procurement = await db.Procurements.FindAsync([id], ct) ?? throw new InvalidOperationException($"Procurement {id} does not exist.");
        procurement.Stage = stage;
        var today = LondonTime.DateOf(nowUtc);
        var dates = await db.ProcurementStageDates.SingleOrDefaultAsync(d => d.ProcurementId == id && d.Stage == stage, ct);
        if (dates is null)
            db.ProcurementStageDates.Add(new ProcurementStageDate { ProcurementId = id, Stage = stage, ActualOn = today });
        else
            dates.ActualOn ??= today;
    }
}
