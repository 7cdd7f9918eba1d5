using System.Net;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Calendar;
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
        Assert.Equal(3, shortlist.GetProperty("UnmetGuards").GetArrayLength());
    }

    [Fact]
    public async Task CompetitiveDialogue_FromPlanningToContractSigned_EveryGateAndTheStandstillClock()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(officer, "CompetitiveDialogue", DaysAgo(40));
        var instance = (await InstanceAsync(officer, "Procurement", procurement)).GetProperty("Id").GetInt32();
        await FireOkAsync(officer, instance, "PublishContractNotice");

        await Arrange.ShortlistAsync(app, procurement, 3);
        await SignOffAsync(app, "Procurement", procurement, "shortlisting");
        await FireOkAsync(officer, instance, "Shortlist");
        await FireOkAsync(officer, instance, "InviteDetailedSolutions");
        using (var blocked = await FireAsync(officer, instance, "CloseDialogue"))
            Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        await SignOffAsync(app, "Procurement", procurement, "dialogue-closure");
        await FireOkAsync(officer, instance, "CloseDialogue");
        await FireOkAsync(officer, instance, "SelectPreferredBidder");
        await FireOkAsync(officer, instance, "ProposeAward");
        await SignOffAsync(app, "Procurement", procurement, "award");
        var noticesSent = DateTime.UtcNow;
        await FireOkAsync(officer, instance, "SendAwardDecisionNotices");

        var standstill = await officer.GetJsonAsync($"/odata/WorkflowTimers?$filter=WorkflowInstanceId eq {instance} and FiredAt eq null and CancelledAt eq null");
        var timer = Assert.Single(standstill.GetProperty("value").EnumerateArray());
        Assert.Equal("pcr2015-reg87", timer.GetProperty("Rule").GetString());
        var due = timer.GetProperty("DueAt").GetDateTime().ToUniversalTime();
        Assert.Equal(StatutoryClocks.EnglandAndWales.Reg87StandstillEnds(noticesSent), due);
        using (var early = await FireAsync(officer, instance, "StandstillEnded"))
            Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode); // only the clock ends standstill

        await RunTimersAtAsync(app.Services, due.AddMinutes(-1));
        Assert.Equal("Standstill", (await officer.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());
        await RunTimersAtAsync(app.Services, due.AddMinutes(1));
        Assert.Equal("Awarded", (await officer.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());

        using var manager = await app.ClientForAsync("ContractManager");
        await FireOkAsync(manager, instance, "SignContract");
        Assert.Equal("ContractSigned", (await officer.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());

        var history = await officer.GetJsonAsync($"/odata/WorkflowTransitions?$filter=WorkflowInstanceId eq {instance}&$orderby=Sequence");
        var steps = history.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(
            ["Start", "PublishContractNotice", "Shortlist", "InviteDetailedSolutions", "CloseDialogue", "SelectPreferredBidder", "ProposeAward", "SendAwardDecisionNotices", "StandstillEnded", "SignContract"],
            steps.Select(s => s.GetProperty("Trigger").GetString()));
        Assert.Equal("timer", steps[8].GetProperty("Actor").GetString());
        Assert.Contains("\"signoff:award\":true", steps[7].GetProperty("GuardResults").GetString(), StringComparison.Ordinal);
        var awardedNotice = await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/odata/Procurements({procurement})' and RecipientRole eq 'ContractManager'");
        Assert.Equal(1, awardedNotice.Count());
    }

    [Fact]
    public async Task Fire_WritesAuditEntriesInTheSameTransaction()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await CreateProcurementAsync(officer, "CompetitiveDialogue");
        var instance = (await InstanceAsync(officer, "Procurement", procurement)).GetProperty("Id").GetInt32();
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
