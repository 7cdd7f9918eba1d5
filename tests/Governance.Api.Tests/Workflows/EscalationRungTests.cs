using System.Net;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Workflows;

/// <summary>Only the holder of a rung closes or hands back the case it holds; the committee rung closes on a recorded decision.</summary>
[Collection(TimerTests.Name)]
public sealed class EscalationRungTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> LevelAsync(HttpClient client, int escalation) =>
        (await client.GetJsonAsync($"/odata/Escalations({escalation})")).GetProperty("Level").GetString()!;

    [Fact]
    public async Task TheContractManagerCannotCloseACaseHeldAbove_TheHeadOfServiceCan()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var head = await app.ClientForAsync("HeadOfService");
        var escalation = await CreateEscalationAsync(manager, $"rung-{Guid.NewGuid():N}");
        var instance = (await InstanceAsync(manager, "Escalation", escalation)).GetProperty("Id").GetInt32();
        await FireOkAsync(manager, instance, "Escalate");
        Assert.Equal("HeadOfService", await LevelAsync(manager, escalation));

        using (var refused = await FireAsync(manager, instance, "Resolve", "Return chased"))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await FireOkAsync(head, instance, "DeEscalate", "The contract manager has the supplier's plan in hand.");
        Assert.Equal("ContractManager", await LevelAsync(manager, escalation));
        await FireOkAsync(manager, instance, "Escalate");
        await FireOkAsync(head, instance, "Resolve", "Staffing restored; calls back on target for three months.");
        Assert.Equal("Resolved", (await manager.GetJsonAsync($"/odata/Escalations({escalation})")).GetProperty("Status").GetString());
    }

    [Fact]
    public async Task TheCommitteeRung_ClosesOnlyOnTheCommitteesRecordedDecision_ThroughDemocraticServices()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var head = await app.ClientForAsync("HeadOfService");
        using var director = await app.ClientForAsync("Director");
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var escalation = await CreateEscalationAsync(manager, $"committee-{Guid.NewGuid():N}");
        var instance = (await InstanceAsync(manager, "Escalation", escalation)).GetProperty("Id").GetInt32();
        await FireOkAsync(manager, instance, "Escalate");
        await FireOkAsync(head, instance, "Escalate");
        await FireOkAsync(director, instance, "Escalate");
        Assert.Equal("ScrutinyCommittee", await LevelAsync(manager, escalation));

        using (var byManager = await FireAsync(manager, instance, "Resolve", "Return chased"))
            Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
        using (var noDecision = await FireAsync(dso, instance, "Resolve", "Closed"))
            Assert.Equal(HttpStatusCode.Conflict, noDecision.StatusCode);

        var meeting = (await CreatedAsync(dso, "/odata/Meetings", new { CommitteeId = 1, StartsAt = DateTime.UtcNow.AddDays(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), Venue = "Council Chamber" }))
            .GetProperty("Id").GetInt32();
        var item = (await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 7, Title = "KPI slip referred by the director", SubjectType = "Escalation", SubjectId = escalation }))
            .GetProperty("Id").GetInt32();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await CreatedAsync(dso, "/odata/Decisions", new { AgendaItemId = item, Outcome = "The committee accepts the recovery and closes the referral.", VotesFor = 7, VotesAgainst = 1, Abstentions = 0, DecidedOn = today });
        await FireOkAsync(dso, instance, "Resolve", "Closed by the committee's decision of today.");
        Assert.Equal("Resolved", (await manager.GetJsonAsync($"/odata/Escalations({escalation})")).GetProperty("Status").GetString());
    }

    [Fact]
    public async Task ANewSlipOnAFailingPlan_MovesTheCaseUp_AndAMissedActionDoesToo()
    {
        TestClock.TravelTo(new DateTime(2019, 2, 20, 10, 0, 0, DateTimeKind.Utc));
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await Performance.PerformanceApi.ContractAsync(manager);
        var kpi = await Performance.PerformanceApi.KpiAsync(manager, contract, "Plan KPI", weight: 100);
        await Performance.PerformanceApi.ReturnAsync(manager, kpi, 1, 80); // red
        var escalation = (await manager.GetJsonAsync($"/odata/Escalations?$filter=ContractId eq {contract} and Cause eq 'red-period'")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var instance = (await InstanceAsync(manager, "Escalation", escalation)).GetProperty("Id").GetInt32();
        await FireOkAsync(manager, instance, "AgreeRemediation", "Supplier to restore staffing.");
        // The day a plan was agreed is the server's to stamp: the failing-plan rule reads it.
        await RefusedAsync(manager, "/odata/RemediationPlans", new { EscalationId = escalation, Title = "Staffing", Objective = "Back on target by April.", AgreedOn = "2018-01-01" }, HttpStatusCode.BadRequest);
        var plan = await CreatedAsync(manager, "/odata/RemediationPlans", new { EscalationId = escalation, Title = "Staffing", Objective = "Back on target by April." });
        Assert.Equal("2019-02-20", plan.GetProperty("AgreedOn").GetString());
        await CreatedAsync(manager, "/odata/RemediationActions", new { RemediationPlanId = plan.GetProperty("Id").GetInt32(), Description = "Recruit eight advisers", Owner = "Supplier", DueOn = "2019-03-01" });

        // The action falls due and is not done: the daily sweep marks it missed and the case climbs to the director.
        TestClock.TravelTo(new DateTime(2019, 3, 4, 7, 0, 0, DateTimeKind.Utc));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Governance.Api.Features.Performance.SlipDetectionJob>().RunAsync(Ct);
        using var later = await app.ClientForAsync("ContractManager");
        Assert.Equal("Missed", (await later.GetJsonAsync($"/odata/RemediationActions?$filter=RemediationPlanId eq {plan.GetProperty("Id").GetInt32()}")).GetProperty("value")[0].GetProperty("Status").GetString());
        var moved = await later.GetJsonAsync($"/odata/Escalations({escalation})");
        Assert.Equal("Director", moved.GetProperty("Level").GetString());
        Assert.Equal("Open", moved.GetProperty("Status").GetString());

        // Agreed again at director level; a later red return moves it up once more rather than attaching silently.
        using var director = await app.ClientForAsync("Director");
        await FireOkAsync(director, instance, "AgreeRemediation", "Revised plan agreed with the supplier's account director.");
        await CreatedAsync(later, "/odata/RemediationPlans", new { EscalationId = escalation, Title = "Revised staffing plan", Objective = "On target by June." });
        await Performance.PerformanceApi.ReturnAsync(later, kpi, 3, 79);
        var again = await later.GetJsonAsync($"/odata/Escalations({escalation})");
        Assert.Equal("Open", again.GetProperty("Status").GetString());
        Assert.Equal("Director", again.GetProperty("Level").GetString());
        var steps = await later.GetJsonAsync($"/odata/WorkflowTransitions?$filter=WorkflowInstanceId eq {instance} and Trigger eq 'PlanBreached'");
        Assert.Equal(2, steps.Count());
    }

    [Fact]
    public async Task AnSlaBreach_FollowsTheRouteWrittenOnTheSla_AndIsLabelledWhereItIs()
    {
        using var owner = await app.ClientForAsync("SlaOwner");
        var sla = (await CreatedAsync(owner, "/odata/InternalSlas", new
        {
            Title = $"Route test {Guid.NewGuid():N}", ProviderDepartmentId = 1, ConsumerDepartmentId = 3, Author = "Ruth Campbell", Monitor = "Head of Street Scene",
            EnforcementRoute = "Breach reported to the director within 5 working days; unresolved after one month to the Corporate Management Team.",
            EnforcementRungs = "Monitor, Director, CorporateManagementTeam", ReviewOn = "2027-03-31",
        })).GetProperty("Id").GetInt32();
        var standard = (await CreatedAsync(owner, "/odata/Indicators", new
        {
            InternalSlaId = sla, Code = $"S-{Guid.NewGuid():N}"[..12], Name = "Enquiries passed on in a day", Unit = "%", Direction = "HigherIsBetter", Category = "Performance",
            Target = 95, RedThreshold = 85, Frequency = "Monthly", Weight = 100,
        })).GetProperty("Id").GetInt32();
        var lastMonth = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1);
        await CreatedAsync(owner, "/odata/Measurements", new { IndicatorId = standard, PeriodStart = new DateOnly(lastMonth.Year, lastMonth.Month, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Value = 70 });
        var escalation = (await owner.GetJsonAsync($"/odata/Escalations?$filter=InternalSlaId eq {sla}")).GetProperty("value")[0];
        var id = escalation.GetProperty("Id").GetInt32();
        Assert.Equal("Monitor", escalation.GetProperty("Level").GetString());
        var instance = (await InstanceAsync(owner, "Escalation", id)).GetProperty("Id").GetInt32();

        await FireOkAsync(owner, instance, "Escalate");
        Assert.Equal("Director", await LevelAsync(owner, id)); // the head of service is not on this SLA's route
        await FireOkAsync(owner, instance, "Escalate");
        Assert.Equal("CorporateManagementTeam", await LevelAsync(owner, id));
        using (var byOwner = await FireAsync(owner, instance, "Resolve", "Chased"))
            Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        await FireOkAsync(statutory, instance, "Resolve", "The Corporate Management Team agreed new staffing for the service desk.");
    }
}
