using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Workflows;

public sealed class WorkflowDefinitionsTests(SqliteApp app)
{
    [Fact]
    public async Task Definitions_DescribeStatesTransitionsAndTimers()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var all = await councillor.GetJsonAsync("/odata/WorkflowDefinitions?$select=Key,IsCurrent");
        Assert.Equal(
            ["competitive-dialogue@7", "competitive-flexible@8", "kpi-escalation@5", "sla-breach@3"],
            all.GetProperty("value").EnumerateArray().Select(d => d.GetProperty("Key").GetString()));

        var dialogue = await councillor.GetJsonAsync("/odata/WorkflowDefinitions('competitive-dialogue@7')");
        Assert.Equal("Procurement", dialogue.GetProperty("Subject").GetString());
        var states = dialogue.GetProperty("States").EnumerateArray().ToDictionary(s => s.GetProperty("Name").GetString()!);
        // Standstill ends when the procurement says: set by reg 87 as it begins, moved on by the time a challenge held it.
        Assert.Equal("StandstillEndsAt", states["Standstill"].GetProperty("Timer").GetProperty("At").GetString());
        var close = states["DetailedSolutions"].GetProperty("Transitions").EnumerateArray().Single(t => t.GetProperty("Trigger").GetString() == "CloseDialogue");
        Assert.Equal("FinalTenders", close.GetProperty("To").GetString());
        Assert.Equal(["evaluation:detailed-solutions", "signoff:dialogue-closure", "criteria:final-tenders"], close.GetProperty("Requires").EnumerateArray().Select(r => r.GetString()));
        Assert.True(states["ContractSigned"].GetProperty("Final").GetBoolean());
        var closure = dialogue.GetProperty("SignOffs").EnumerateArray().Single(g => g.GetProperty("Gate").GetString() == "dialogue-closure");
        Assert.Equal(["StatutoryOfficer", "Councillor"], closure.GetProperty("Roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(closure.GetProperty("Independent").GetBoolean());

        var flexible = await councillor.GetJsonAsync("/odata/WorkflowDefinitions('competitive-flexible@8')");
        Assert.Contains(flexible.GetProperty("States").EnumerateArray(), s => s.GetProperty("Timer").ValueKind == System.Text.Json.JsonValueKind.Object
            && s.GetProperty("Timer").GetProperty("At").GetString() == "StandstillEndsAt");
    }

    [Fact]
    public async Task Definitions_NotReadableBySuppliers()
    {
        using var supplier = await app.ClientForAsync("supplier@demo.local");
        using var response = await supplier.GetAsync("/odata/WorkflowDefinitions", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}
