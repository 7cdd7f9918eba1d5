using Governance.Domain.Common;
using System.ComponentModel.DataAnnotations;

namespace Governance.Api.Features.Workflows;

/// <summary>
/// A due trigger of an instance. The database holds the truth: the recurring job only looks for rows that are due
/// and not yet fired or cancelled, so a restart of the job scheduler loses nothing.
/// </summary>
public class WorkflowTimer : ILogRow
{
    public long Id { get; set; }

    public int WorkflowInstanceId { get; set; }

    /// <summary>The state that started it; leaving that state cancels it.</summary>
    [MaxLength(64)]
    public string State { get; set; } = "";

    [MaxLength(64)]
    public string Trigger { get; set; } = "";

    [MaxLength(64)]
    public string? Rule { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime? FiredAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>What firing did: fired, or why it could not.</summary>
    [MaxLength(1000)]
    public string? Outcome { get; set; }
}
