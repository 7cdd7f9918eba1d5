using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Workflows;

/// <summary>A competitive dialogue driven through its workflow file by the people whose roles it names.</summary>
public sealed class ProcurementWorkflowTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewProcurement_StartsOnItsProceduresWorkflow()
    {
        TestClock.TravelTo(TestClock.Pcr2015Day);
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var dialogue = await CreateProcurementAsync(officer, "CompetitiveDialogue");
        var flexible = await CreateProcurementAsync(officer, "CompetitiveFlexible");
        Assert.Equal("competitive-dialogue", (await InstanceAsync(officer, "Procurement", dialogue)).GetProperty("DefinitionId").GetString());
        var instance = await InstanceAsync(officer, "Procurement", flexible);
        Assert.Equal("competitive-flexible", instance.GetProperty("DefinitionId").GetString());
        Assert.Equal("Planning", instance.GetProperty("State").GetString());
    }

    [Fact]
    public async Task Fire_TriggerTheStateLacks_Is400NamingTheTriggersItHas()
    {
        TestClock.TravelTo(TestClock.Pcr2015Day);
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var instance = (await InstanceAsync(officer, "Procurement", await CreateProcurementAsync(officer, "CompetitiveDialogue"))).GetProperty("Id").GetInt32();
        using var response = await FireAsync(officer, instance, "CloseDialogue");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PublishContractNotice", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fire_RoleTheTransitionDoesNotName_Is403()
    {
        TestClock.TravelTo(TestClock.Pcr2015Day);
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(officer, "CompetitiveDialogue");
        var instance = (await InstanceAsync(officer, "Procurement", procurement)).GetProperty("Id").GetInt32();
        await TenderApi.CreatedAsync(officer, "/odata/ProcurementTeamMembers", new { ProcurementId = procurement, UserName = "contractmanager@demo.local", Role = "Evaluator" });
        using var councillor = await app.ClientForAsync("Councillor");
        using var response = await FireAsync(councillor, instance, "PublishContractNotice");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // neither on the team nor in a role the transition names
        using var manager = await app.ClientForAsync("ContractManager");
        using var notNamed = await FireAsync(manager, instance, "Cancel", "On the team, not in the role");
        Assert.Equal(HttpStatusCode.Forbidden, notNamed.StatusCode);
        Assert.Contains("ProcurementOfficer", await notNamed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fire_UnmetGuards_Is409NamingThem_AndPermittedTriggersSaysTheSame()
    {
        TestClock.TravelTo(TestClock.Pcr2015Day);
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(officer, "CompetitiveDialogue");
        var instance = (await InstanceAsync(officer, "Procurement", procurement)).GetProperty("Id").GetInt32();
        await TenderApi.ApprovedAppraisalAsync(app, officer, procurement);
        await FireOkAsync(officer, instance, "PublishContractNotice");

        using var response = await FireAsync(officer, instance, "Shortlist");
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("procurement:participation-period-elapsed", body, StringComparison.Ordinal);
        Assert.Contains("procurement:shortlist-ready", body, StringComparison.Ordinal);
        Assert.Contains("signoff:shortlisting", body, StringComparison.Ordinal);

        var triggers = await officer.GetJsonAsync($"/odata/WorkflowInstances({instance})/Governance.PermittedTriggers()");
        var shortlist = triggers.GetProperty("value").EnumerateArray().Single(t => t.GetProperty("Trigger").GetString() == "Shortlist");
        Assert.False(shortlist.GetProperty("CanFire").GetBoolean());
        Assert.Equal(4, shortlist.GetProperty("UnmetGuards").GetArrayLength()); // and the outline-solutions criteria
    }

    [Fact]
    public async Task Fire_WritesAuditEntriesInTheSameTransaction()
    {
        TestClock.TravelTo(TestClock.Pcr2015Day);
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(officer, "CompetitiveDialogue");
        var instance = (await InstanceAsync(officer, "Procurement", procurement)).GetProperty("Id").GetInt32();
        await TenderApi.ApprovedAppraisalAsync(app, officer, procurement);
        await FireOkAsync(officer, instance, "PublishContractNotice");
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        var audit = await statutory.GetJsonAsync($"/odata/AuditEntries?$filter=EntityType eq 'WorkflowInstance' and EntityKey eq '{instance}' and Operation eq 'Updated'");
        var entry = Assert.Single(audit.GetProperty("value").EnumerateArray());
        Assert.Equal("procurementofficer@demo.local", entry.GetProperty("Actor").GetString());
        Assert.Contains("SelectionQuestionnaire", entry.GetProperty("After").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompetitiveDialogue_StartedAfterThePa2023Commenced_Is400()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        using var response = await officer.PostJsonAsync("/odata/Procurements", new { Reference = $"T-{Guid.NewGuid():N}"[..24], Title = "Too late for PCR", DepartmentId = 1, Procedure = "CompetitiveDialogue", EstimatedValue = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("pa2023-applies", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedProcurement_RunsOnCompetitiveDialogueAtDetailedSolutions()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var procurement = (await councillor.GetJsonAsync("/odata/Procurements?$filter=Reference eq 'CCP-2013-01'")).GetProperty("value")[0];
        var instance = await InstanceAsync(councillor, "Procurement", procurement.GetProperty("Id").GetInt32());
        Assert.Equal("competitive-dialogue", instance.GetProperty("DefinitionId").GetString());
        Assert.Equal("DetailedSolutions", instance.GetProperty("State").GetString());
    }
}
