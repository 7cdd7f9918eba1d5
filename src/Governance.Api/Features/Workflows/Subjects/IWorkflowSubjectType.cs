using System.Security.Claims;
using Governance.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>
    /// Object-level scope of a person firing a trigger on this record, beyond the transition's roles: the same
    /// check as every other write to the record. Null when the person may act.
    /// </summary>
    Task<ObjectResult?> RefuseActorAsync(int id, ClaimsPrincipal user, CancellationToken ct) => Task.FromResult<ObjectResult?>(null);

    /// <summary>Whether the person is one of those doing the work on this record, who cannot sign off its independent gates.</summary>
    Task<bool> IsInvolvedAsync(int id, ClaimsPrincipal user, CancellationToken ct) => Task.FromResult(false);

    /// <summary>
    /// A trigger to fire at once because this record passes over the state just entered (an internal SLA whose written
    /// route does not name that rung), with the reason; null when the record stops here.
    /// </summary>
    Task<(string Trigger, string Reason)?> PassOverAsync(int id, string state, CancellationToken ct) => Task.FromResult<(string, string)?>(null);
}
