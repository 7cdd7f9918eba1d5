using Governance.Api.Data;
using Governance.Api.Features.Workflows;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Workflows;

/// <summary>The KPI escalation ladder climbs by itself when a level does not respond in time.</summary>
[Collection(TimerTests.Name)]
public sealed class EscalationLadderTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<WorkflowTimer> PendingTimerAsync(int instanceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        return await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.WorkflowInstanceId == instanceId && t.FiredAt == null && t.CancelledAt == null, Ct);
    }

    [Fact]
    public async Task Ladder_NoResponse_EscalatesLevelByLevelOnItsWorkingDayDeadlines()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var opened = DateTime.UtcNow;
        var escalation = await CreateEscalationAsync(manager, $"ladder-{Guid.NewGuid():N}");
        var instance = (await InstanceAsync(manager, "Escalation", escalation)).GetProperty("Id").GetInt32();

        var first = await PendingTimerAsync(instance);
        var expected = LondonTime.EndOfDayUtc(WorkingDays.EnglandAndWales.AddWorkingDays(LondonTime.DateOf(opened), 10));
        Assert.Equal(expected, first.DueAt);
        Assert.Equal(expected, (await manager.GetJsonAsync($"/odata/Escalations({escalation})")).GetProperty("RespondBy").GetDateTime().ToUniversalTime());

        await RunTimersAtAsync(app.Services, first.DueAt.AddMinutes(-1));
        Assert.Equal("ContractManager", (await manager.GetJsonAsync($"/odata/Escalations({escalation})")).GetProperty("Level").GetString());

        await RunTimersAtAsync(app.Services, first.DueAt.AddMinutes(1));
        Assert.Equal("HeadOfService", (await manager.GetJsonAsync($"/odata/Escalations({escalation})")).GetProperty("Level").GetString());
        // The contract's own manager (Mark Osei, contract 1) is told by name, with the case's page, not every contract manager.
        var told = (await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/work/escalations/{escalation}' and startswith(Subject,'KPI slip escalated to the head of service')"))
            .GetProperty("value").EnumerateArray().Single();
        Assert.Equal("contractmanager@demo.local", told.GetProperty("RecipientUser").GetString());

        var second = await PendingTimerAsync(instance);
        Assert.Equal(LondonTime.EndOfDayUtc(WorkingDays.EnglandAndWales.AddWorkingDays(LondonTime.DateOf(first.DueAt.AddMinutes(1)), 10)), second.DueAt);
        await RunTimersAtAsync(app.Services, second.DueAt.AddMinutes(1));
        var third = await PendingTimerAsync(instance);
        await RunTimersAtAsync(app.Services, third.DueAt.AddMinutes(1));

        var final = await manager.GetJsonAsync($"/odata/Escalations({escalation})");
        Assert.Equal("ScrutinyCommittee", final.GetProperty("Level").GetString());
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var referral = await dso.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/work/escalations/{escalation}'");
        Assert.Equal(1, referral.Count());
        var steps = await manager.GetJsonAsync($"/odata/WorkflowTransitions?$filter=WorkflowInstanceId eq {instance} and Actor eq 'timer'");
        Assert.Equal(3, steps.Count());
    }

    [Fact]
    public async Task Ladder_RemediationAgreed_CancelsTheTimerAndNeedsAReason()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var escalation = await CreateEscalationAsync(manager, $"remedy-{Guid.NewGuid():N}");
        var instance = (await InstanceAsync(manager, "Escalation", escalation)).GetProperty("Id").GetInt32();
        using (var noReason = await FireAsync(manager, instance, "AgreeRemediation"))
            Assert.Equal(System.Net.HttpStatusCode.Conflict, noReason.StatusCode);
        await FireOkAsync(manager, instance, "AgreeRemediation", "Supplier to add 12 contact centre staff by March");

        var timers = await manager.GetJsonAsync($"/odata/WorkflowTimers?$filter=WorkflowInstanceId eq {instance}");
        var timer = Assert.Single(timers.GetProperty("value").EnumerateArray());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, timer.GetProperty("CancelledAt").ValueKind);
        var state = await manager.GetJsonAsync($"/odata/Escalations({escalation})");
        Assert.Equal("RemediationAgreed", state.GetProperty("Status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, state.GetProperty("RespondBy").ValueKind);

        await FireOkAsync(manager, instance, "Resolve", "Calls answered within 60 seconds back above target for three months");
        var resolved = await manager.GetJsonAsync($"/odata/Escalations({escalation})");
        Assert.Equal("Resolved", resolved.GetProperty("Status").GetString());
        Assert.StartsWith("Calls answered", resolved.GetProperty("ClosureReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimerJob_RunConcurrentlyAndRepeatedly_FiresEachTimerOnce()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var instances = new List<int>();
        for (var i = 0; i < 3; i++)
            instances.Add((await InstanceAsync(manager, "Escalation", await CreateEscalationAsync(manager, $"once-{Guid.NewGuid():N}"))).GetProperty("Id").GetInt32());
        var due = (await PendingTimerAsync(instances[0])).DueAt.AddMinutes(1);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RunTimersAtAsync(app.Services, due)));
        await RunTimersAtAsync(app.Services, due);

        foreach (var instance in instances)
        {
            var escalations = await manager.GetJsonAsync($"/odata/WorkflowTransitions?$filter=WorkflowInstanceId eq {instance} and Trigger eq 'Escalate'");
            Assert.Equal(1, escalations.Count());
            Assert.Equal("HeadOfService", (await manager.GetJsonAsync($"/odata/WorkflowInstances({instance})")).GetProperty("State").GetString());
        }
    }
}
