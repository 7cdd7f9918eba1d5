using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>The query options a client relies on, against the seed data.</summary>
public sealed class QueryOptionsTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Filter_SelectAndOrderBy_ReturnOnlyWhatWasAsked()
    {
        using var client = await app.ClientForAsync("ContractManager");
        // Seed contracts only: other tests make and activate contracts of their own at the same time.
        var result = await client.GetJsonAsync("/odata/Contracts?$filter=Status eq 'Active' and Procedure eq null and (startswith(Reference,'ENV-') or startswith(Reference,'ASC-') or startswith(Reference,'SSO-'))&$select=Reference,Status&$orderby=Reference desc");
        var rows = result.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["ENV-2014-007", "ASC-2015-003"], rows.Select(r => r.GetProperty("Reference").GetString()));
        Assert.All(rows, r => Assert.False(r.TryGetProperty("Title", out _)));
    }

    [Fact]
    public async Task Expand_NestedTwoLevels_IncludesRelatedRows()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var result = await client.GetJsonAsync("/odata/Indicators?$filter=Code eq 'SSO-KPI-03'&$expand=Contract($expand=Supplier),Measurements($filter=PeriodStart lt 2013-01-01)");
        var indicator = Assert.Single(result.GetProperty("value").EnumerateArray());
        Assert.Equal("Meridian Business Services Ltd", indicator.GetProperty("Contract").GetProperty("Supplier").GetProperty("Name").GetString());
        Assert.Equal(2, indicator.GetProperty("Measurements").GetArrayLength()); // November and December 2012
    }

    [Fact]
    public async Task Expand_TopInsideANestedCollection_LimitsEachInnerCollection()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var result = await client.GetJsonAsync("/odata/Contracts?$filter=Reference eq 'SSO-2012-001'&$expand=Indicators($expand=Measurements($top=2;$orderby=PeriodStart desc))");
        Assert.All(result.GetProperty("value")[0].GetProperty("Indicators").EnumerateArray(), i => Assert.Equal(2, i.GetProperty("Measurements").GetArrayLength()));
    }

    [Fact]
    public async Task Expand_CollectionInsideCollection_NeedsItsTop_AndWorksOnSqlite()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var unbounded = await client.GetAsync("/odata/Contracts?$filter=Reference eq 'SSO-2012-001'&$select=Reference&$expand=Indicators($select=Code;$expand=Measurements($select=Value))", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unbounded.StatusCode);
        var result = await client.GetJsonAsync("/odata/Contracts?$filter=Reference eq 'SSO-2012-001'&$select=Reference&$expand=Indicators($select=Code;$expand=Measurements($select=Value;$top=100))");
        var indicators = result.GetProperty("value")[0].GetProperty("Indicators").EnumerateArray().ToList();
        Assert.Equal(7, indicators.Count);
        Assert.True(indicators.Sum(i => i.GetProperty("Measurements").GetArrayLength()) > 300);
    }

    [Fact]
    public async Task Expand_LargeCollection_IsPagedAtTheTopLevelWithNextLink()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var page = await client.GetJsonAsync("/odata/Measurements?$select=Value&$expand=Indicator($select=Code)");
        Assert.Equal(GovernanceQuery.PageSize, page.Count());
        Assert.Contains("$skip=100", page.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
        Assert.Equal("SSO-KPI-01", page.GetProperty("value")[0].GetProperty("Indicator").GetProperty("Code").GetString());
    }

    [Fact]
    public async Task TopSkipAndCount_PageThroughTheSet()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var first = await client.GetJsonAsync("/odata/Departments?$orderby=Code&$top=3&$count=true");
        var second = await client.GetJsonAsync("/odata/Departments?$orderby=Code&$top=3&$skip=3");
        Assert.True(first.GetProperty("@odata.count").GetInt32() >= 8);
        Assert.Equal(3, first.Count());
        Assert.NotEqual(first.GetProperty("value")[0].GetProperty("Code").GetString(), second.GetProperty("value")[0].GetProperty("Code").GetString());
    }

    [Fact]
    public async Task Apply_GroupByWithAggregate_Aggregates()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var result = await client.GetJsonAsync("/odata/Measurements?$apply=groupby((Source),aggregate($count as Returns))");
        var groups = result.GetProperty("value").EnumerateArray().ToDictionary(g => g.GetProperty("Source").GetString()!, g => g.GetProperty("Returns").GetInt32());
        Assert.True(groups["Supplier"] > 100);
        Assert.True(groups["ContractManager"] > 100);
    }

    [Fact]
    public async Task LargeCollection_IsPagedWithNextLink()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var page = await client.GetJsonAsync("/odata/Measurements");
        Assert.Equal(GovernanceQuery.PageSize, page.Count());
        var next = page.GetProperty("@odata.nextLink").GetString()!;
        var second = await client.GetJsonAsync(next);
        Assert.NotEqual(page.GetProperty("value")[0].GetProperty("Id").GetInt32(), second.GetProperty("value")[0].GetProperty("Id").GetInt32());
    }

    [Fact]
    public async Task DateTimeFilter_IsReadAsUtc()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var result = await client.GetJsonAsync("/odata/Measurements?$filter=RecordedAt eq 2013-08-10T09:00:00Z and IndicatorId eq 1&$select=PeriodStart");
        Assert.Equal("2013-07-01", Assert.Single(result.GetProperty("value").EnumerateArray()).GetProperty("PeriodStart").GetString());
    }

    [Fact]
    public async Task GetByKey_Missing_Is404()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.GetAsync("/odata/Contracts(999999)", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
