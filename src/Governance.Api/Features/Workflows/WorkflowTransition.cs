using Governance.Domain.Common;
using System.ComponentModel.DataAnnotations;

namespace Governance.Api.Features.Workflows;

/// <summary>One step of an instance's history: append-only.</summary>
public class WorkflowTransition : ILogRow
{
    public long Id { get; set; }

    public int WorkflowInstanceId { get; set; }

    /// <summary>1 for the first step of the instance, then 2, 3...</summary>
    public int Sequence { get; set; }

    [MaxLength(64)]
    public string From { get; set; } = "";

    [MaxLength(64)]
    public string To { get; set; } = "";

    [MaxLength(64)]
    public string Trigger { get; set; } = "";

    [MaxLength(256)]
    public string Actor { get; set; } = "";

    public DateTime At { get; set; }

    [MaxLength(4000)]
    public string? Comment { get; set; }

    /// <summary>JSON object of each guard the transition required and whether it held at that moment.</summary>
    [MaxLength(4000)]
    public string GuardResults { get; set; } = "{}";
}
