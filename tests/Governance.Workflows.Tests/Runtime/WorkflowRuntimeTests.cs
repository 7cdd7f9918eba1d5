using Governance.Workflows.Definitions;
using Governance.Workflows.Loading;
using Governance.Workflows.Runtime;

namespace Governance.Workflows.Tests.Runtime;

public sealed class WorkflowRuntimeTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly TestVocabulary vocabulary = new();

    private (WorkflowRuntime Runtime, WorkflowDefinition Definition) Load()
    {
        using var folder = new DefinitionFolder().With("flow.json", """
            {
              "$schema": "./schema/workflow.schema.json",
              "id": "flow", "version": 1, "title": "Flow", "subject": "Procurement", "initial": "Open",
              "states": {
                "Open": {
                  "on": {
                    "Close": { "to": "Waiting", "roles": ["ProcurementOfficer"], "requires": ["signoff:closure", "procurement:shortlist-ready"] },
                    "Note": { "to": "Open", "roles": ["Councillor"] }
                  }
                },
                "Waiting": {
                  "timer": { "rule": "ten-days", "fire": "Expire" },
                  "onEnter": [ { "action": "notify", "role": "Councillor", "subject": "Waiting" } ],
                  "on": { "Expire": { "to": "Done" }, "Abandon": { "to": "Done", "roles": ["ProcurementOfficer"], "requires": ["comment:given"] } }
                },
                "Done": { "final": true }
              }
            }
            """);
        var vocab = vocabulary.Build();
        return (new WorkflowRuntime(vocab), Assert.Single(new WorkflowDefinitionLoader(vocab).LoadDirectory(folder.Path)));
    }

    private static WorkflowActor Officer => new("officer@council", r => r == "ProcurementOfficer");

    private static WorkflowSubject At(string state) => new("Procurement", 7, state, Now);

    [Fact]
    public async Task PermittedTriggers_ListsUnmetGuardsByNameAndRoles()
    {
        var (runtime, definition) = Load();
        vocabulary.GuardAnswers["signoff:closure"] = true;
        var statuses = await runtime.PermittedTriggersAsync(definition, At("Open"), Officer, Now, CancellationToken.None);
        var close = statuses.Single(s => s.Trigger == "Close");
        Assert.False(close.CanFire);
        Assert.Equal(["procurement:shortlist-ready"], close.UnmetGuards);
        var note = statuses.Single(s => s.Trigger == "Note");
        Assert.False(note.RoleAllowed);
    }

    [Fact]
    public async Task Fire_TriggerNotInState_IsNotInState()
    {
        var (runtime, definition) = Load();
        var outcome = await runtime.FireAsync(definition, At("Open"), "Expire", Officer, null, Now, CancellationToken.None);
        var notInState = Assert.IsType<FireOutcome.NotInState>(outcome);
        Assert.Equal(["Close", "Note"], notInState.Triggers);
    }

    [Fact]
    public async Task Fire_RoleNotAllowed_NamesTheRoles()
    {
        var (runtime, definition) = Load();
        var outcome = await runtime.FireAsync(definition, At("Open"), "Note", Officer, null, Now, CancellationToken.None);
        Assert.Equal(["Councillor"], Assert.IsType<FireOutcome.RoleNotAllowed>(outcome).Roles);
    }

    [Fact]
    public async Task Fire_GuardsUnmet_NamesEveryUnmetGuard()
    {
        var (runtime, definition) = Load();
        var outcome = await runtime.FireAsync(definition, At("Open"), "Close", Officer, null, Now, CancellationToken.None);
        Assert.Equal(["procurement:shortlist-ready", "signoff:closure"], Assert.IsType<FireOutcome.GuardsUnmet>(outcome).Guards.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Fire_GuardsHold_MovesAndSchedulesTheTargetsTimerAndActions()
    {
        var (runtime, definition) = Load();
        vocabulary.GuardAnswers["signoff:closure"] = true;
        vocabulary.GuardAnswers["procurement:shortlist-ready"] = true;
        var outcome = await runtime.FireAsync(definition, At("Open"), "Close", Officer, null, Now, CancellationToken.None);
        var accepted = Assert.IsType<FireOutcome.Accepted>(outcome);
        Assert.Equal(("Open", "Waiting"), (accepted.From, accepted.To));
        Assert.True(accepted.GuardResults["signoff:closure"]);
        Assert.Equal(new ScheduledTimer("Expire", Now.AddDays(10), "ten-days"), accepted.Timer);
        Assert.Equal("notify", Assert.Single(accepted.OnEnter).Name);
    }

    [Fact]
    public async Task Fire_TimerOnlyTransition_RefusedToPeopleAndAcceptedFromTheSystem()
    {
        var (runtime, definition) = Load();
        var byPerson = await runtime.FireAsync(definition, At("Waiting"), "Expire", Officer, null, Now, CancellationToken.None);
        Assert.Empty(Assert.IsType<FireOutcome.RoleNotAllowed>(byPerson).Roles);
        var bySystem = await runtime.FireAsync(definition, At("Waiting"), "Expire", WorkflowActor.System("timer"), null, Now, CancellationToken.None);
        Assert.Equal("Done", Assert.IsType<FireOutcome.Accepted>(bySystem).To);
    }

    [Fact]
    public async Task Fire_CommentGuard_HoldsOnlyWithAComment()
    {
        var (runtime, definition) = Load();
        Assert.IsType<FireOutcome.GuardsUnmet>(await runtime.FireAsync(definition, At("Waiting"), "Abandon", Officer, "  ", Now, CancellationToken.None));
        Assert.IsType<FireOutcome.Accepted>(await runtime.FireAsync(definition, At("Waiting"), "Abandon", Officer, "Budget withdrawn", Now, CancellationToken.None));
    }

    [Fact]
    public async Task Fire_Reentry_StaysInTheState()
    {
        var (runtime, definition) = Load();
        var councillor = new WorkflowActor("cllr", r => r == "Councillor");
        Assert.Equal("Open", Assert.IsType<FireOutcome.Accepted>(await runtime.FireAsync(definition, At("Open"), "Note", councillor, null, Now, CancellationToken.None)).To);
    }
}
