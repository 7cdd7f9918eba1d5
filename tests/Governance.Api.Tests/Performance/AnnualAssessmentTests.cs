using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Performance;

/// <summary>The annual rating of a contract, worked by hand, through the API.</summary>
public sealed class AnnualAssessmentTests(SqliteApp app)
{
    /// <summary>
    /// One KPI (target 95, red at 85 or below) over 2019: seven months at or above target (1 point), four short of it
    /// (0.5; 94 is amber, not green) and one red (0): (7 + 2 + 0) / 12 = 0.75, a red period, so Approaching target under
    /// the council's default policy, and publishable.
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
        Assert.Equal(0.75m, assessment.GetProperty("AverageScore").GetDecimal());
        Assert.Contains("council policy", assessment.GetProperty("Policy").GetString(), StringComparison.Ordinal);
        Assert.Equal("ApproachingTarget", assessment.GetProperty("Kpis")[0].GetProperty("Rating").GetString());
        Assert.Equal(12, assessment.GetProperty("PeriodsAssessed").GetInt32());
        Assert.Equal(1, assessment.GetProperty("RedPeriods").GetInt32());
        Assert.True(assessment.GetProperty("Publishable").GetBoolean());
        Assert.Equal(12, assessment.GetProperty("Periods").GetArrayLength());
    }

    /// <summary>
    /// s.71: the annual assessment is publishable whatever the rating; the improve-first rule governs the separate notice of
    /// poor performance, which waits until the remediation plan agreed for that escalation's cause has failed.
    /// </summary>
    [Fact]
    public async Task PoorRating_IsPublishable_TheNoticeOfPoorPerformanceWaitsForAFailedPlan()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Failing KPI");
        for (var month = 1; month <= 8; month++)
            await ReturnAsync(manager, kpi, month, 80);
        var poor = await manager.GetJsonAsync($"/odata/Contracts({contract})/Governance.AnnualAssessment(year=2019)");
        Assert.Equal("Inadequate", poor.GetProperty("Rating").GetString());
        Assert.True(poor.GetProperty("Publishable").GetBoolean());
        Assert.Equal(4, poor.GetProperty("NotReportedReturns").GetInt32()); // September to December were never sent: red, and flagged

        var escalation = (await manager.GetJsonAsync($"/odata/Escalations?$filter=ContractId eq {contract} and Cause eq 'red-period'")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var notice = (await CreatedAsync(manager, "/odata/PerformanceNotices", new { ContractId = contract, EscalationId = escalation, Kind = "PoorPerformance", Description = "Below target all year." }))
            .GetProperty("Id").GetInt32();
        Assert.Contains("pa2023-s71-improve-first", await RefusedAsync(manager, $"/odata/PerformanceNotices({notice})/Governance.Publish", new { }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        var instance = (await WorkflowApi.InstanceAsync(manager, "Escalation", escalation)).GetProperty("Id").GetInt32();
        await WorkflowApi.FireOkAsync(manager, instance, "AgreeRemediation", "Supplier to restore staffing by September.");
        await CreatedAsync(manager, "/odata/RemediationPlans", new { EscalationId = escalation, Title = "Staffing", Objective = "Back to target." });
        Assert.Contains("pa2023-s71-improve-first", await RefusedAsync(manager, $"/odata/PerformanceNotices({notice})/Governance.Publish", new { }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await WorkflowApi.FireOkAsync(manager, instance, "PlanBreached", "September's return was red again.");
        Assert.Equal("Published", (await OkAsync(manager, $"/odata/PerformanceNotices({notice})/Governance.Publish", new { })).GetProperty("Status").GetString());
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

        // 2015: calls answered below its 80% target from May, so that KPI is not Good, and the year's rating says it is council policy.
        var year = await councillor.GetJsonAsync("/odata/Contracts(1)/Governance.AnnualAssessment(year=2015)");
        var calls = year.GetProperty("Kpis").EnumerateArray().Single(k => k.GetProperty("Code").GetString() == "SSO-KPI-03");
        Assert.NotEqual("Good", calls.GetProperty("Rating").GetString());
        Assert.Equal(12, year.GetProperty("Periods").GetArrayLength());
        Assert.All(year.GetProperty("Periods").EnumerateArray(), p => Assert.StartsWith("2015-", p.GetProperty("Period").GetString(), StringComparison.Ordinal));
        Assert.Contains("council policy", year.GetProperty("Policy").GetString(), StringComparison.Ordinal);
        Assert.Equal("RequiresImprovement", calls.GetProperty("Rating").GetString()); // 0.67: four months on target, eight short of it
    }
}
