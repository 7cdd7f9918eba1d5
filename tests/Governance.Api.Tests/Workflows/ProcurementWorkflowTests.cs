using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Workflows;

/// <summary>A competitive dialogue driven through its workflow file by the people whose roles it names.</summary>
public sealed class ProcurementWorkflowTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days);

    [Fact]
    public async Task NewProcurement_StartsOnItsProceduresWorkflow()
    {
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
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var instance = (await InstanceAsync(officer, "Procurement", await CreateProcurementAsync(officer, "CompetitiveDialogue"))).GetProperty("Id").GetInt32();
        using var response = await FireAsync(officer, instance, "CloseDialogue");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PublishContractNotice", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fire_RoleTheTransitionDoesNotName_Is403()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var instance = (await InstanceAsync(officer, "Procurement", await CreateProcurementAsync(officer, "CompetitiveDialogue"))).GetProperty("Id").GetInt32();
        using var councillor = await app.ClientForAsync("Councillor");
        using var response = await FireAsync(councillor, instance, "PublishContractNotice");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ProcurementOfficer", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fire_UnmetGuards_Is409NamingThem_AndPermittedTriggersSaysTheSame()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(officer, "CompetitiveDialogue", DaysAgo(5));
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
    public async Task SeedProcurement_RunsOnCompetitiveDialogueAtDetailedSolutions()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var procurement = (await councillor.GetJsonAsync("/odata/Procurements?$filter=Reference eq 'CCP-2013-01'")).GetProperty("value")[0];
        var instance = await InstanceAsync(councillor, "Procurement", procurement.GetProperty("Id").GetInt32());
        Assert.Equal("competitive-dialogue", instance.GetProperty("DefinitionId").GetString());
        Assert.Equal("DetailedSolutions", instance.GetProperty("State").GetString());
    }
}
