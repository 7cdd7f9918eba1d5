using Governance.Api.Features.Performance;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Performance;

/// <summary>Each slip rule opens exactly one escalation per contract and cause, on the ladder; running again adds nothing.</summary>
public sealed class SlipDetectionTests(SqliteApp app)
{
    [Fact]
    public async Task RedPeriod_OpensOneEscalationOnTheLadder_AndASecondRedAddsToIt()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Invoices paid in 30 days");
        await ReturnAsync(manager, kpi, 1, 96);
        await ReturnAsync(manager, kpi, 2, 80);
        await ReturnAsync(manager, kpi, 3, 82);
        var causes = await EscalationsByCauseAsync(manager, contract);
        Assert.Equal(1, causes["red-period"]);
        var escalation = (await manager.GetJsonAsync($"/odata/Escalations?$filter=ContractId eq {contract} and Cause eq 'red-period'")).GetProperty("value")[0];
        var instance = await WorkflowApi.InstanceAsync(manager, "Escalation", escalation.GetProperty("Id").GetInt32());
        Assert.Equal("kpi-escalation", instance.GetProperty("DefinitionId").GetString());
        var evidence = await manager.GetJsonAsync($"/odata/SlipObservations?$filter=EscalationId eq {escalation.GetProperty("Id").GetInt32()}");
        Assert.Equal(2, evidence.Count()); // February and March, both red
    }

    [Fact]
    public async Task ConsecutiveAmber_OpensOneEscalation()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Payroll accuracy");
        await ReturnAsync(manager, kpi, 1, 88);
        Assert.False((await EscalationsByCauseAsync(manager, contract)).ContainsKey("consecutive-amber"));
        await ReturnAsync(manager, kpi, 2, 87);
        await ReturnAsync(manager, kpi, 3, 88);
        Assert.Equal(1, (await EscalationsByCauseAsync(manager, contract))["consecutive-amber"]);
    }

    [Fact]
    public async Task Worsening_OverThreePeriods_OpensOneEscalation()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "ICT incidents resolved");
        foreach (var (month, value) in new[] { (1, 99m), (2, 98m), (3, 97m) })
            await ReturnAsync(manager, kpi, month, value);
        Assert.False((await EscalationsByCauseAsync(manager, contract)).ContainsKey("worsening"));
        await ReturnAsync(manager, kpi, 4, 96);
        Assert.Equal(1, (await EscalationsByCauseAsync(manager, contract))["worsening"]);
    }

    [Fact]
    public async Task GreenOutsideRedInside_OpensOneEscalation_AndOverdueReturnsAreFlagged()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var headline = await KpiAsync(manager, contract, "Calls answered in 60 seconds");
        var complaints = await KpiAsync(manager, contract, "Complaints", direction: "LowerIsBetter", category: "Complaints", target: 40, red: 80);
        for (var month = 1; month <= 4; month++)
        {
            await ReturnAsync(manager, headline, month, 97);
            await ReturnAsync(manager, complaints, month, 30 + (month * 5));
        }

        var causes = await EscalationsByCauseAsync(manager, contract);
        Assert.Equal(1, causes["green-outside-red-inside"]);
        Assert.Equal(1, causes["overdue-return"]); // nothing returned since April 2019
    }

    [Fact]
    public async Task Sweep_RunTwice_OpensNothingNew()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Collections made");
        await ReturnAsync(manager, kpi, 1, 80);
        var before = await EscalationsByCauseAsync(manager, contract);
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SlipDetectionJob>().RunAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(before, await EscalationsByCauseAsync(manager, contract));
        Assert.All(before.Values, count => Assert.Equal(1, count));
    }
}
