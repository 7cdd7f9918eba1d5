using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Performance;

/// <summary>The annual rating of a contract, worked by hand, through the API.</summary>
public sealed class AnnualAssessmentTests(SqliteApp app)
{
    /// <summary>
    /// One KPI (amber below 90, red at 85 or below) over 2019: eight green months (1 point), three amber (0.5)
    /// and one red (0): (8 + 1.5 + 0) / 12 = 0.7917, a red period, so Approaching target, and publishable.
    /// </summary>
    [Fact]
    public async Task AnnualAssessment_HandWorkedYear()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Annual KPI");
        decimal[] values = [96, 95, 97, 88, 94, 96, 87, 84, 95, 96, 89, 97];
        for (var month = 1; month <= 12; month++)
            await ReturnAsync(manager, kpi, month, values[month - 1]);

        var assessment = await manager.GetJsonAsync($"/odata/Contracts({contract})/Governance.AnnualAssessment(year=2019)");
        Assert.Equal("ApproachingTarget", assessment.GetProperty("Rating").GetString());
        Assert.Equal(0.7917m, assessment.GetProperty("AverageScore").GetDecimal());
        Assert.Equal(12, assessment.GetProperty("PeriodsAssessed").GetInt32());
        Assert.Equal(1, assessment.GetProperty("RedPeriods").GetInt32());
        Assert.True(assessment.GetProperty("Publishable").GetBoolean());
        Assert.Equal(12, assessment.GetProperty("Periods").GetArrayLength());
    }

    [Fact]
    public async Task PoorRating_IsPublishableOnlyAfterAnOpportunityToImprove()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Failing KPI");
        for (var month = 1; month <= 8; month++)
            await ReturnAsync(manager, kpi, month, 80);
        var poor = await manager.GetJsonAsync($"/odata/Contracts({contract})/Governance.AnnualAssessment(year=2019)");
        Assert.Equal("Inadequate", poor.GetProperty("Rating").GetString());
        Assert.False(poor.GetProperty("OpportunityToImproveRecorded").GetBoolean());
        Assert.False(poor.GetProperty("Publishable").GetBoolean());

        var escalation = (await manager.GetJsonAsync($"/odata/Escalations?$filter=ContractId eq {contract} and Cause eq 'red-period'")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var instance = (await WorkflowApi.InstanceAsync(manager, "Escalation", escalation)).GetProperty("Id").GetInt32();
        await WorkflowApi.FireOkAsync(manager, instance, "AgreeRemediation", "Supplier to restore staffing by September.");
        var after = await manager.GetJsonAsync($"/odata/Contracts({contract})/Governance.AnnualAssessment(year=2019)");
        Assert.True(after.GetProperty("Publishable").GetBoolean());
    }

    [Fact]
    public async Task SeedContract_RatedPerPeriod()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var ratings = await councillor.GetJsonAsync("/odata/Contracts(1)/Governance.Ratings()");
        var periods = ratings.GetProperty("value").EnumerateArray().ToList();
        Assert.True(periods.Count >= 47);
        Assert.Equal("Green", periods[0].GetProperty("Rag").GetString());
        Assert.Contains(periods, p => p.GetProperty("Rag").GetString() != "Green"); // the contact centre slips
    }
}
