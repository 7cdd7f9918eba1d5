using Governance.Workflows.Loading;

namespace Governance.Workflows.Tests.Loading;

/// <summary>Each kind of mistake stops loading with the file, the JSON path and the problem.</summary>
public sealed class LoaderValidationTests
{
    private const string Valid = """
        {
          "$schema": "./schema/workflow.schema.json",
          "id": "mini", "version": 1, "title": "Mini", "subject": "Procurement", "initial": "Open",
          "states": {
            "Open": {
              "onEnter": [ { "action": "notify", "role": "Councillor", "subject": "Opened" } ],
              "on": { "Close": { "to": "Closed", "roles": ["ProcurementOfficer"], "requires": ["signoff:closure"] } }
            },
            "Closed": { "final": true }
          }
        }
        """;

    private static WorkflowDefinitionException LoadExpectingFailure(params (string File, string Json)[] files)
    {
        using var folder = new DefinitionFolder();
        foreach (var (file, json) in files)
            folder.With(file, json);
        return Assert.Throws<WorkflowDefinitionException>(() => new WorkflowDefinitionLoader(new TestVocabulary().Build()).LoadDirectory(folder.Path));
    }

    private static WorkflowDefinitionException Mistake(string from, string to) => LoadExpectingFailure(("mini.json", Valid.Replace(from, to, StringComparison.Ordinal)));

    [Fact]
    public void Valid_Loads()
    {
        using var folder = new DefinitionFolder().With("mini.json", Valid);
        var definition = Assert.Single(new WorkflowDefinitionLoader(new TestVocabulary().Build()).LoadDirectory(folder.Path));
        Assert.Equal("mini@1", definition.Key);
        Assert.Equal(["signoff:closure"], definition.States["Open"].On["Close"].Requires);
    }

    [Fact]
    public void InvalidJson_NamesFileAndLine()
    {
        var error = LoadExpectingFailure(("broken.json", "{ \"id\": \"x\", "));
        Assert.Equal("broken.json", error.File);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaViolation_MissingRequiredProperty_NamesThePath()
    {
        var error = Mistake("\"title\": \"Mini\", ", "");
        Assert.Equal("$", error.JsonPath);
        Assert.Contains("title", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaViolation_WrongType_NamesThePath()
    {
        var error = Mistake("\"version\": 1", "\"version\": \"one\"");
        Assert.Equal("$.version", error.JsonPath);
    }

    [Fact]
    public void SchemaViolation_UnknownPropertyInTransition_NamesThePath()
    {
        var error = Mistake("\"to\": \"Closed\",", "\"to\": \"Closed\", \"goto\": \"Closed\",");
        Assert.Equal("$.states.Open.on.Close.goto", error.JsonPath);
    }

    [Fact]
    public void UnknownTargetState_IsNamed()
    {
        var error = Mistake("\"to\": \"Closed\"", "\"to\": \"Shut\"");
        Assert.Equal("$.states.Open.on.Close.to", error.JsonPath);
        Assert.Contains("'Shut'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRole_IsNamedWithTheKnownOnes()
    {
        var error = Mistake("\"roles\": [\"ProcurementOfficer\"]", "\"roles\": [\"Mayor\"]");
        Assert.Equal("$.states.Open.on.Close.roles[0]", error.JsonPath);
        Assert.Contains("unknown role 'Mayor'", error.Problem, StringComparison.Ordinal);
        Assert.Contains("ProcurementOfficer", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownGuard_IsNamed()
    {
        var error = Mistake("\"signoff:closure\"", "\"budget:approved\"");
        Assert.Equal("$.states.Open.on.Close.requires[0]", error.JsonPath);
        Assert.Contains("unknown guard 'budget:approved'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAction_IsNamed()
    {
        var error = Mistake("\"action\": \"notify\"", "\"action\": \"tweet\"");
        Assert.Equal("$.states.Open.onEnter[0].action", error.JsonPath);
        Assert.Contains("unknown action 'tweet'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ActionMissingParameter_IsNamed()
    {
        var error = Mistake(", \"subject\": \"Opened\"", "");
        Assert.Equal("$.states.Open.onEnter[0]", error.JsonPath);
        Assert.Contains("needs the parameter 'subject'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownInitialState_IsNamed()
    {
        var error = Mistake("\"initial\": \"Open\"", "\"initial\": \"Draft\"");
        Assert.Equal("$.initial", error.JsonPath);
    }

    [Fact]
    public void UnknownSubject_IsNamed()
    {
        var error = Mistake("\"subject\": \"Procurement\"", "\"subject\": \"Parking\"");
        Assert.Equal("$.subject", error.JsonPath);
    }

    [Fact]
    public void UnreachableState_IsNamed()
    {
        var error = Mistake("\"Closed\": { \"final\": true }", "\"Closed\": { \"final\": true }, \"Limbo\": { \"final\": true }");
        Assert.Equal("$.states.Limbo", error.JsonPath);
        Assert.Contains("cannot be reached", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TimerFiringATriggerTheStateLacks_IsNamed()
    {
        var error = Mistake("\"onEnter\":", "\"timer\": { \"after\": { \"workingDays\": 5 }, \"fire\": \"Expire\" }, \"onEnter\":");
        Assert.Equal("$.states.Open.timer.fire", error.JsonPath);
    }

    [Fact]
    public void TimerWithUnknownStatutoryClock_IsNamed()
    {
        var error = Mistake("\"onEnter\":", "\"timer\": { \"rule\": \"made-up-rule\", \"fire\": \"Close\" }, \"onEnter\":");
        Assert.Equal("$.states.Open.timer.rule", error.JsonPath);
    }

    [Fact]
    public void TimerAtAnUnknownSubjectDate_IsNamed()
    {
        var error = Mistake("\"onEnter\":", "\"timer\": { \"at\": \"Birthday\", \"fire\": \"Close\" }, \"onEnter\":");
        Assert.Equal("$.states.Open.timer.at", error.JsonPath);
    }

    [Fact]
    public void TimerWithTwoWaysOfCounting_FailsTheSchema()
    {
        var error = Mistake("\"onEnter\":", "\"timer\": { \"rule\": \"ten-days\", \"after\": { \"calendarDays\": 1 }, \"fire\": \"Close\" }, \"onEnter\":");
        Assert.StartsWith("$.states.Open.timer", error.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public void FinalStateWithTransitions_IsNamed()
    {
        var error = Mistake("\"Closed\": { \"final\": true }", "\"Closed\": { \"final\": true, \"on\": { \"Reopen\": { \"to\": \"Open\", \"roles\": [\"ProcurementOfficer\"] } } }");
        Assert.Equal("$.states.Closed", error.JsonPath);
    }

    [Fact]
    public void TransitionNobodyCanFire_IsNamed()
    {
        var error = Mistake("\"roles\": [\"ProcurementOfficer\"], ", "");
        Assert.Equal("$.states.Open.on.Close.roles", error.JsonPath);
    }

    [Fact]
    public void SameIdAndVersionWithDifferentContent_NamesBothFiles()
    {
        var error = LoadExpectingFailure(("a.json", Valid), ("b.json", Valid.Replace("\"title\": \"Mini\"", "\"title\": \"Other\"", StringComparison.Ordinal)));
        Assert.Equal("b.json", error.File);
        Assert.Contains("a.json", error.Problem, StringComparison.Ordinal);
        Assert.Equal("$.version", error.JsonPath);
    }

    [Fact]
    public void SameIdAndVersionWithSameContent_LoadsOnce()
    {
        using var folder = new DefinitionFolder().With("a.json", Valid).With("b.json", Valid.Replace("\n", "\n  ", StringComparison.Ordinal));
        Assert.Single(new WorkflowDefinitionLoader(new TestVocabulary().Build()).LoadDirectory(folder.Path));
    }

    [Fact]
    public void Message_NamesFilePathAndProblemTogether()
    {
        var error = Mistake("\"to\": \"Closed\"", "\"to\": \"Shut\"");
        Assert.Equal("Workflow definition mini.json at $.states.Open.on.Close.to: target state 'Shut' is not one of the states", error.Message);
    }
}
