using Governance.Workflows.Loading;

namespace Governance.Workflows.Tests.Loading;

/// <summary>A workflow that declares its sign-off gates names who signs each one; a mistake there stops loading.</summary>
public sealed class SignOffGateDeclarationTests
{
    private const string Declared = """
        {
          "$schema": "./schema/workflow.schema.json",
          "id": "gated", "version": 1, "title": "Gated", "subject": "Procurement", "initial": "Open",
          "signoffs": { "closure": { "roles": ["Councillor"], "quorum": 2, "independent": true } },
          "states": {
            "Open": { "on": { "Close": { "to": "Closed", "roles": ["ProcurementOfficer"], "requires": ["signoff:closure"] } } },
            "Closed": { "final": true }
          }
        }
        """;

    private static WorkflowDefinitionException Mistake(string from, string to)
    {
        using var folder = new DefinitionFolder().With("gated.json", Declared.Replace(from, to, StringComparison.Ordinal));
        return Assert.Throws<WorkflowDefinitionException>(() => new WorkflowDefinitionLoader(new TestVocabulary().Build()).LoadDirectory(folder.Path));
    }

    [Fact]
    public void DeclaredGate_LoadsWithItsSignatories()
    {
        using var folder = new DefinitionFolder().With("gated.json", Declared);
        var gate = Assert.Single(new WorkflowDefinitionLoader(new TestVocabulary().Build()).LoadDirectory(folder.Path)).Gates["closure"];
        Assert.Equal(["Councillor"], gate.Roles);
        Assert.Equal(2, gate.Quorum);
        Assert.True(gate.Independent);
    }

    [Fact]
    public void GateRequiredButNotDeclared_IsNamed()
    {
        var error = Mistake("\"requires\": [\"signoff:closure\"]", "\"requires\": [\"signoff:closure\", \"signoff:budget\"]");
        Assert.Equal("$.states.Open.on.Close.requires", error.JsonPath);
        Assert.Contains("'signoff:budget'", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSignatoryRole_IsNamed()
    {
        var error = Mistake("\"roles\": [\"Councillor\"]", "\"roles\": [\"Mayor\"]");
        Assert.Equal("$.signoffs.closure.roles[0]", error.JsonPath);
    }

    [Fact]
    public void DeclaredGateNoTransitionRequires_IsNamed()
    {
        var error = Mistake("\"requires\": [\"signoff:closure\"]", "\"requires\": []");
        Assert.Equal("$.signoffs.closure", error.JsonPath);
    }
}
