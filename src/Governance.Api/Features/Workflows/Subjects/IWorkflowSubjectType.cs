using Governance.Workflows.Runtime;

namespace Governance.Api.Features.Workflows.Subjects;

/// <summary>A kind of record a workflow can be about: how to find it, and how its own fields follow the workflow's state.</summary>
public interface IWorkflowSubjectType : ISubjectDates
{
    Task<bool> ExistsAsync(int id, CancellationToken ct);

    /// <summary>
    /// Brings many records (and what <see cref="OnEnteredAsync"/> reads beside them) into the unit of work at once,
    /// so that moving each of them on needs no query of its own: a timer sweep moves many instances together.
    /// </summary>
    Task LoadAsync(IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>Brings the record's own status in line with the state just entered, in the same unit of work.</summary>
    Task OnEnteredAsync(int id, string state, string? comment, DateTime? nextTimerDue, DateTime nowUtc, CancellationToken ct);
}
