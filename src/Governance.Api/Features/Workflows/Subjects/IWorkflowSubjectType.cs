using Governance.Workflows.Runtime;

namespace Governance.Api.Features.Workflows.Subjects;

/// <summary>A kind of record a workflow can be about: how to find it, and how its own fields follow the workflow's state.</summary>
public interface IWorkflowSubjectType : ISubjectDates
{
    Task<bool> ExistsAsync(int id, CancellationToken ct);

    /// <summary>Brings the record's own status in line with the state just entered, in the same unit of work.</summary>
    Task OnEnteredAsync(int id, string state, string? comment, DateTime? nextTimerDue, DateTime nowUtc, CancellationToken ct);
}
