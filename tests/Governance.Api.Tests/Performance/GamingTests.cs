using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Performance;

/// <summary>Each way the issue found of making a contract look better than it is, tried through the API and refused.</summary>
public sealed class GamingTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Dictionary<string, System.Text.Json.JsonElement>> RatingsAsync(HttpClient client, int contract) =>
        (await client.GetJsonAsync($"/odata/Contracts({contract})/Governance.Ratings()")).GetProperty("value").EnumerateArray()
            .ToDictionary(p => p.GetProperty("Period").GetString()!, p => p);

    [Fact]
    public async Task NotSendingARedReturn_CountsRed_InTheRatingAndTheServiceCredit()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        await PatchContractAsync(manager, contract, new { ServiceCreditPercentPerRedKpi = 4, ServiceCreditCapPercent = 12 });
        var good = await KpiAsync(manager, contract, "Always on target", weight: 50);
        var failing = await KpiAsync(manager, contract, "Withheld when red", weight: 50);
        await ReturnAsync(manager, good, 1, 99);
        await ReturnAsync(manager, good, 2, 99);
        await ReturnAsync(manager, failing, 1, 80); // red, sent
        // February's return for the failing KPI is never sent.

        var ratings = await RatingsAsync(manager, contract);
        Assert.Equal(ratings["2019-01-01"].GetProperty("Score").GetDecimal(), ratings["2019-02-01"].GetProperty("Score").GetDecimal());
        Assert.Equal(1, ratings["2019-02-01"].GetProperty("NotReported").GetInt32());
        var credits = (await manager.GetJsonAsync($"/odata/Contracts({contract})/Governance.ServiceCredits()")).GetProperty("value").EnumerateArray()
            .ToDictionary(c => c.GetProperty("Period").GetString()!);
        // Hand-worked: one red KPI of two equal weights credits the 4% rate of the monthly charge (GBP 250,000 / 12 = 20,833.33): GBP 833.33.
        Assert.Equal(4m, credits["2019-01-01"].GetProperty("Percent").GetDecimal());
        Assert.Equal(833.33m, credits["2019-01-01"].GetProperty("Amount").GetDecimal());
        Assert.Equal(credits["2019-01-01"].GetProperty("Amount").GetDecimal(), credits["2019-02-01"].GetProperty("Amount").GetDecimal());
        Assert.Equal(1, credits["2019-02-01"].GetProperty("NotReported").GetInt32());
        var kpiPeriods = (await manager.GetJsonAsync($"/odata/Contracts({contract})/Governance.KpiRatings()")).GetProperty("value").EnumerateArray();
        Assert.Contains(kpiPeriods, k => k.GetProperty("IndicatorId").GetInt32() == failing && k.GetProperty("Period").GetString() == "2019-02-01" && k.GetProperty("State").GetString() == "NotReported");
    }

    [Fact]
    public async Task ADisputedReturn_CountsAtTheManagersFigure_NotTheSuppliers()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var supplier = await app.ClientForAsync("Supplier");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Self-reported", weight: 100, selfReports: true);
        var supplied = await ReturnAsync(supplier, kpi, 1, 96);
        await RefusedAsync(manager, $"/odata/Measurements({supplied})/Governance.Dispute", new { Reason = "" }, HttpStatusCode.BadRequest);
        await OkAsync(manager, $"/odata/Measurements({supplied})/Governance.Dispute", new { Reason = "Call logs show 88%.", ContractManagerValue = 88 });
        var january = (await manager.GetJsonAsync($"/odata/Contracts({contract})/Governance.KpiRatings()")).GetProperty("value").EnumerateArray().First();
        Assert.Equal(88m, january.GetProperty("CountedValue").GetDecimal());
        Assert.Equal("Amber", january.GetProperty("Rag").GetString()); // 88 is short of the 95 target, above the red 85
        Assert.Equal("Disputed", january.GetProperty("State").GetString());
    }

    [Fact]
    public async Task ASupplierCorrectionOfAVerifiedReturn_IsARequestTheManagerDecides()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var supplier = await app.ClientForAsync("Supplier");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Self-reported", weight: 100, selfReports: true);
        var supplied = await ReturnAsync(supplier, kpi, 1, 85);
        await OkAsync(manager, $"/odata/Measurements({supplied})/Governance.Verify", new { });

        var proposal = await OkAsync(supplier, $"/odata/Measurements({supplied})/Governance.Correct", new { Value = 97, Note = "Recount" });
        Assert.Equal("Proposed", proposal.GetProperty("VerificationStatus").GetString());
        Assert.Equal("Red", (await RatingsAsync(manager, contract))["2019-01-01"].GetProperty("Rag").GetString()); // still the verified 85

        var proposalId = proposal.GetProperty("Id").GetInt32();
        await OkAsync(manager, $"/odata/Measurements({proposalId})/Governance.RejectCorrection", new { Reason = "The telephony logs do not support 97%." });
        Assert.Equal("Red", (await RatingsAsync(manager, contract))["2019-01-01"].GetProperty("Rag").GetString());
        Assert.Equal("Verified", (await manager.GetJsonAsync($"/odata/Measurements({supplied})")).GetProperty("VerificationStatus").GetString());
    }

    [Fact]
    public async Task ABacklogImport_RaisesSlipsForEveryRedMonthAndGap_AndACorrectionOfAnOldMonthToo()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var reference = (await manager.GetJsonAsync($"/odata/Contracts({contract})")).GetProperty("Reference").GetString();
        var kpi = await KpiAsync(manager, contract, "Backlog KPI", weight: 100);
        var code = (await manager.GetJsonAsync($"/odata/Indicators({kpi})")).GetProperty("Code").GetString();
        // Nine months, two of them red (March and June), May missing.
        var csv = new StringBuilder("contract,indicator,period,value,note\n");
        foreach (var (month, value) in new[] { (1, 96m), (2, 97m), (3, 80m), (4, 96m), (6, 82m), (7, 96m), (8, 97m), (9, 96m) })
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{reference},{code},2019-{month:D2}-01,{value},\n");
        using var imported = await manager.PostAsync("/api/measurements/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var observations = (await manager.GetJsonAsync($"/odata/SlipObservations?$filter=IndicatorId eq {kpi}")).GetProperty("value").EnumerateArray()
            .Select(o => (o.GetProperty("Cause").GetString(), o.GetProperty("PeriodStart").GetString())).ToList();
        Assert.Contains(("red-period", "2019-03-01"), observations);
        Assert.Contains(("red-period", "2019-06-01"), observations);
        Assert.Contains(("overdue-return", "2019-05-01"), observations);

        var february = (await manager.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {kpi} and PeriodStart eq 2019-02-01")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        await OkAsync(manager, $"/odata/Measurements({february})/Governance.Correct", new { Value = 81, Note = "Recount from the call logs." });
        Assert.Contains((await manager.GetJsonAsync($"/odata/SlipObservations?$filter=IndicatorId eq {kpi} and Cause eq 'red-period'")).GetProperty("value").EnumerateArray(),
            o => o.GetProperty("PeriodStart").GetString() == "2019-02-01");

        // Idempotent: the daily sweep adds nothing for what the writes already found.
        var before = (await manager.GetJsonAsync($"/odata/SlipObservations?$filter=IndicatorId eq {kpi}")).Count();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Governance.Api.Features.Performance.SlipDetectionJob>().RunAsync(Ct);
        Assert.Equal(before, (await manager.GetJsonAsync($"/odata/SlipObservations?$filter=IndicatorId eq {kpi}")).Count());
    }

    [Fact]
    public async Task ChangingThresholds_IsANewVersion_AndNeverReRatesThePastOrAPublishedAssessment()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Versioned KPI", weight: 100);
        for (var month = 1; month <= 12; month++)
            await ReturnAsync(manager, kpi, month, month <= 6 ? 96 : 88);
        var before = await manager.GetJsonAsync($"/odata/Contracts({contract})/Governance.AnnualAssessment(year=2019)");
        using (var pdf = await manager.PostJsonAsync($"/odata/Contracts({contract})/Governance.GenerateAssessment", new { Year = 2019 }))
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);

        using (var patch = await PatchAsync(manager, $"/odata/Indicators({kpi})", new { Target = 80 }))
            Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        var refused = await RefusedAsync(manager, $"/odata/Indicators({kpi})/Governance.Revise",
            new { Target = 85, RedThreshold = 80, Weight = 100, EffectiveFrom = "2019-01-01", Reason = "Make 2019 look better." }, HttpStatusCode.Conflict);
        Assert.Contains("kpi-revision-not-retroactive", refused, StringComparison.Ordinal);
        var version = await OkAsync(manager, $"/odata/Indicators({kpi})/Governance.Revise",
            new { Target = 85, RedThreshold = 80, Weight = 100, EffectiveFrom = "2027-01-01", Reason = "Target agreed in the contract reset." });
        Assert.Equal(2, version.GetProperty("Version").GetInt32());

        var after = await manager.GetJsonAsync($"/odata/Contracts({contract})/Governance.AnnualAssessment(year=2019)");
        Assert.Equal(before.GetProperty("Rating").GetString(), after.GetProperty("Rating").GetString());
        Assert.Equal(before.GetProperty("AverageScore").GetDecimal(), after.GetProperty("AverageScore").GetDecimal());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, after.GetProperty("PublishedAt").ValueKind);
        await RefusedAsync(manager, $"/odata/Contracts({contract})/Governance.GenerateAssessment", new { Year = 2019 }, HttpStatusCode.Conflict);
        Assert.Equal(2, (await manager.GetJsonAsync($"/odata/IndicatorVersions?$filter=IndicatorId eq {kpi}")).Count());
    }

    private static async Task PatchContractAsync(HttpClient manager, int contract, object body)
    {
        using var response = await PatchAsync(manager, $"/odata/Contracts({contract})", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return client.SendAsync(request, Ct);
    }
}
