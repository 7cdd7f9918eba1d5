using Governance.Workflows.Definitions;

namespace Governance.Api.Features.Workflows;

// What clients see of definitions and triggers: enough to draw the stages and offer the next steps.

public sealed class WorkflowDefinitionView
{
    /// <summary>"id@version".</summary>
    public string Key { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public int Version { get; set; }

    public string Title { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Initial { get; set; } = "";

    /// <summary>Whether new instances start on this version.</summary>
    public bool IsCurrent { get; set; }

    public List<WorkflowStateView> States { get; set; } = [];

    /// <summary>The sign-off gates and who signs each: the workflow decides, not whoever raises a request.</summary>
    public List<SignOffGateView> SignOffs { get; set; } = [];

    public static WorkflowDefinitionView From(WorkflowDefinition d, bool current) => new()
    {
        Key = d.Key, DefinitionId = d.Id, Version = d.Version, Title = d.Title, Subject = d.Subject, Initial = d.Initial, IsCurrent = current,
        SignOffs = [.. d.Gates.Values.Select(g => new SignOffGateView { Gate = g.Gate, Roles = [.. g.Roles], Quorum = g.Quorum, Independent = g.Independent, Description = g.Description })],
        States = [.. d.States.Values.Select(s => new WorkflowStateView
        {
            Name = s.Name, Description = s.Description, Final = s.Final,
            Timer = s.Timer is { } t ? new WorkflowTimerView
            {
                Fire = t.Fire, Rule = t.Rule, At = t.At,
                CalendarDays = t.After?.CalendarDays, WorkingDays = t.After?.WorkingDays, ClearDays = t.After?.ClearDays,
            } : null,
            OnEnter = [.. s.OnEnter.Select(a => a.Name)],
            Transitions = [.. s.On.Values.Select(o => new WorkflowTransitionView
            {
                Trigger = o.Trigger, To = o.To, Roles = [.. o.Roles], Requires = [.. o.Requires], Description = o.Description,
            })],
        })],
    };
}

public sealed class WorkflowStateView
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public bool Final { get; set; }

    public WorkflowTimerView? Timer { get; set; }

    public List<string> OnEnter { get; set; } = [];

    public List<WorkflowTransitionView> Transitions { get; set; } = [];
}

public sealed class WorkflowTransitionView
{
    public string Trigger { get; set; } = "";

    public string To { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public List<string> Requires { get; set; } = [];

    public string? Description { get; set; }
}

public sealed class WorkflowTimerView
{
    public string Fire { get; set; } = "";

    public string? Rule { get; set; }

    public string? At { get; set; }

    public int? CalendarDays { get; set; }

    public int? WorkingDays { get; set; }

    public int? ClearDays { get; set; }
}

public sealed class TriggerStatusView
{
    public string Trigger { get; set; } = "";

    public string To { get; set; } = "";

    public bool CanFire { get; set; }

    public bool RoleAllowed { get; set; }

    public List<string> UnmetGuards { get; set; } = [];

    public List<string> Roles { get; set; } = [];
}

/// <summary>A sign-off gate of a workflow: the roles that each approve, the approvals each needs, and whether the signatory must be independent of the work.</summary>
public sealed class SignOffGateView
{
    public string Gate { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public int Quorum { get; set; }

    public bool Independent { get; set; }

    public string? Description { get; set; }
}
