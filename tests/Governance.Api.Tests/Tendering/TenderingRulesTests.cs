using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Tendering;

public sealed class TenderingRulesTests(SqliteApp app)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ParticipationDeadline_UnderThirtyDays_Is400CitingReg30()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var id = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveDialogue", new DateOnly(2026, 1, 5));
        var current = await lead.GetJsonAsync($"/odata/Procurements({id})");
        using var response = await lead.SendJsonAsync(HttpMethod.Patch, $"/odata/Procurements({id})", new { ParticipationDeadline = "2026-02-03" }, current.ETag());
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reg 30", body, StringComparison.Ordinal);
        Assert.Contains("4 February 2026", body, StringComparison.Ordinal);
        using var ok = await lead.SendJsonAsync(HttpMethod.Patch, $"/odata/Procurements({id})", new { ParticipationDeadline = "2026-02-04" }, current.ETag());
        Assert.True(ok.IsSuccessStatusCode);
    }

    [Fact]
    public async Task RequestToParticipate_BeforeNoticeOrAfterDeadline_IsRefused()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var id = (await CreatedAsync(lead, "/odata/Procurements", new
        {
            Reference = $"RTP-{Guid.NewGuid():N}"[..20], Title = "RTP test", DepartmentId = 1, Procedure = "CompetitiveDialogue", EstimatedValue = 1,
            ContractNoticeSentOn = Iso(today.AddDays(-45)), ParticipationDeadline = Iso(today.AddDays(-2)),
        })).GetProperty("Id").GetInt32();
        using var supplier = await app.ClientForAsync("supplier@demo.local");
        Assert.Contains("participation-closed", await RefusedAsync(supplier, "/odata/Bidders", new { ProcurementId = id }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await ApprovedAppraisalAsync(app, lead, id);
        await WorkflowApi.FireOkAsync(lead, (await WorkflowApi.InstanceAsync(lead, "Procurement", id)).GetProperty("Id").GetInt32(), "PublishContractNotice");
        Assert.Contains("participation-late", await RefusedAsync(supplier, "/odata/Bidders", new { ProcurementId = id }, HttpStatusCode.Conflict), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcurementRecords_ChangedOnlyByItsTeam()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var id = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveDialogue");
        await CreatedAsync(lead, "/odata/BudgetLines", new { ProcurementId = id, Name = "Programme", Approved = 100000, Spent = 0 });
        using var other = await app.ClientForAsync("ContractManager"); // on the seeded team, not this one
        await RefusedAsync(other, "/odata/BudgetLines", new { ProcurementId = id, Name = "Mine", Approved = 1, Spent = 0 }, HttpStatusCode.Forbidden);
        await RefusedAsync(other, "/odata/RaidItems", new { ProcurementId = id, Kind = "Risk", Title = "x", Owner = "x", Rating = "Low" }, HttpStatusCode.Forbidden);
        await RefusedAsync(other, "/odata/ProcurementTeamMembers", new { ProcurementId = id, UserName = "contractmanager@demo.local", Role = "Lead" }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CriteriaOfAnOpenStage_CannotBeAdded_AndOutsidersCannotEliminate()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        // The seeded procurement is at detailed solutions with criteria recorded before the stage opened...
        var kestrel = (await lead.GetJsonAsync("/odata/Bidders?$filter=ProcurementId eq 1&$expand=Supplier&$orderby=Id")).GetProperty("value")
            .EnumerateArray().Single(b => b.GetProperty("Supplier").GetProperty("Name").GetString()!.StartsWith("Kestrel", StringComparison.Ordinal));
        // ...but a criterion added now (were it allowed) would postdate it: adding one is refused outright.
        await RefusedAsync(lead, "/odata/EvaluationCriteria", new { ProcurementId = 1, Stage = "DetailedSolutions", Name = "New idea", Kind = "Quality", Weight = 5 }, HttpStatusCode.Conflict);
        using var councillor = await app.ClientForAsync("Councillor");
        await RefusedAsync(councillor, $"/odata/Bidders({kestrel.GetProperty("Id").GetInt32()})/Governance.Eliminate", new { Reason = "x" }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RunningLate_ListsTheSlippedSeedProcurement()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var late = await councillor.GetJsonAsync("/odata/Procurements/Governance.RunningLate()");
        var ccp = late.GetProperty("value").EnumerateArray().Single(p => p.GetProperty("Reference").GetString() == "CCP-2013-01");
        Assert.Equal("FinalTenders", ccp.GetProperty("OverdueStage").GetString());
        Assert.True(ccp.GetProperty("DaysLate").GetInt32() > 0);
        var timetable = await councillor.GetJsonAsync("/odata/Procurements(1)/Governance.Timetable()");
        var detailed = timetable.GetProperty("value").EnumerateArray().Single(s => s.GetProperty("Stage").GetString() == "DetailedSolutions");
        Assert.Equal(20, detailed.GetProperty("SlippageDays").GetInt32()); // planned 1 July 2014, began 21 July
    }
}
