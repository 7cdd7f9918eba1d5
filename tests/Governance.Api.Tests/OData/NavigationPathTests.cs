using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Performance;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.OData;

/// <summary>A collection navigation path answers as the related set filtered by its key, with the related set's own rules.</summary>
public sealed class NavigationPathTests(SqliteApp app)
{
    private static List<int> Ids(System.Text.Json.JsonElement page) => [.. page.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetInt32())];

    [Fact]
    public async Task ACollectionNavigation_IsTheRelatedSetByKey_WithQueryOptionsAndCount()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        Assert.Equal(Ids(await councillor.GetJsonAsync("/odata/Indicators?$filter=ContractId eq 1&$orderby=Id")), Ids(await councillor.GetJsonAsync("/odata/Contracts(1)/Indicators?$orderby=Id")));
        Assert.Equal(
            Ids(await councillor.GetJsonAsync("/odata/Indicators?$filter=ContractId eq 1 and Weight gt 10&$orderby=Id")),
            Ids(await councillor.GetJsonAsync("/odata/Contracts(1)/Indicators?$filter=Weight gt 10&$orderby=Id")));
        using var count = await councillor.GetAsync("/odata/Contracts(1)/Indicators/$count", TestContext.Current.CancellationToken);
        using var direct = await councillor.GetAsync("/odata/Indicators/$count?$filter=ContractId eq 1", TestContext.Current.CancellationToken);
        Assert.Equal(await direct.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await count.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var aggregated = (await councillor.GetJsonAsync("/odata/Contracts(1)/Indicators?$apply=aggregate($count as N)")).GetProperty("value")[0].GetProperty("N").GetInt32();
        Assert.Equal(Ids(await councillor.GetJsonAsync("/odata/Indicators?$filter=ContractId eq 1")).Count, aggregated);
    }

    [Fact]
    public async Task ANavigationFromAnExemptRecord_ShowsNothingToThoseWhoMayNotSeeIt()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await PerformanceApi.ContractAsync(manager);
        await PerformanceApi.KpiAsync(manager, contract, "Calls answered within a minute");
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new { EntityType = "Contract", EntityKey = contract, Paragraph = 3, CommitteeId = 1, PublicInterestTest = "Commercial negotiation." });

        using var union = await app.ClientForAsync("UnionRepresentative");
        Assert.Empty(Ids(await union.GetJsonAsync($"/odata/Contracts({contract})/Indicators")));
        using var chair = await app.ClientForAsync("Councillor");
        Assert.Single(Ids(await chair.GetJsonAsync($"/odata/Contracts({contract})/Indicators")));
    }

    [Fact]
    public async Task ASingleValuedNavigation_IsTheRelatedRecord_UnderItsOwnRules()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var measurement = (await councillor.GetJsonAsync("/odata/Measurements?$top=1&$orderby=Id")).GetProperty("value")[0];
        var indicatorId = measurement.GetProperty("IndicatorId").GetInt32();

        var related = await councillor.GetJsonAsync($"/odata/Measurements({measurement.GetProperty("Id").GetInt32()})/Indicator");
        Assert.Equal(indicatorId, related.GetProperty("Id").GetInt32());
        Assert.EndsWith("$metadata#Indicators/$entity", related.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        var selected = await councillor.GetJsonAsync($"/odata/Measurements({measurement.GetProperty("Id").GetInt32()})/Indicator?$select=Code");
        Assert.True(selected.TryGetProperty("Code", out _));
        Assert.False(selected.TryGetProperty("Name", out _));

        // A related record the reader may not see is not there for them.
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await PerformanceApi.ContractAsync(manager);
        var kpi = await PerformanceApi.KpiAsync(manager, contract, "Repairs completed on first visit");
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new { EntityType = "Indicator", EntityKey = kpi, Paragraph = 3, CommitteeId = 1, PublicInterestTest = "Commercial negotiation." });
        using var union = await app.ClientForAsync("UnionRepresentative");
        var ct = TestContext.Current.CancellationToken;
        using var hidden = await union.GetAsync($"/odata/Indicators({kpi})/Contract", ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(contract, (await manager.GetJsonAsync($"/odata/Indicators({kpi})/Contract")).GetProperty("Id").GetInt32());
    }

    [Fact]
    public async Task APropertyPath_AnswersItsValue_AndItsRawValue()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var ct = TestContext.Current.CancellationToken;
        var title = (await councillor.GetJsonAsync("/odata/Contracts(1)")).GetProperty("Title").GetString();

        var property = await councillor.GetJsonAsync("/odata/Contracts(1)/Title");
        Assert.Equal(title, property.GetProperty("value").GetString());
        Assert.EndsWith("$metadata#Contracts(1)/Title", property.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        using var raw = await councillor.GetAsync("/odata/Contracts(1)/Title/$value", ct);
        Assert.Equal("text/plain", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, await raw.Content.ReadAsStringAsync(ct));

        using var missing = await councillor.GetAsync("/odata/Contracts(999999)/Title", ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        using var unknown = await councillor.GetAsync("/odata/Contracts(1)/NoSuchProperty", ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
