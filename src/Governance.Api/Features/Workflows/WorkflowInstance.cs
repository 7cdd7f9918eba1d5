using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Api.Features.Workflows;

/// <summary>One record's journey through a workflow definition, on the definition version it started with.</summary>
public class WorkflowInstance : Entity
{
    [MaxLength(64)]
    public string DefinitionId { get; set; } = "";

    public int DefinitionVersion { get; set; }

    [MaxLength(64)]
    public string SubjectType { get; set; } = "";

    public int SubjectId { get; set; }

    [MaxLength(64)]
    public string State { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime EnteredStateAt { get; set; }

    /// <summary>How many steps the history holds; the next step's sequence is one more.</summary>
    public int Steps { get; set; }

    public ICollection<WorkflowTransition> History { get; } = [];

    public ICollection<WorkflowTimer> Timers { get; } = [];
}
