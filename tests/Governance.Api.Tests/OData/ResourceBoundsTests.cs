using System.Net;
using System.Text;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>A $batch is counted by what its parts cost: past the bound it is refused whole, before any part runs.</summary>
public sealed class BatchCostTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Batch(IEnumerable<string> urls) => new(
        $"{{\"requests\":[{string.Join(",", urls.Select((u, i) => $"{{\"id\":\"{i + 1}\",\"method\":\"GET\",\"url\":\"{u}\"}}"))}]}}", Encoding.UTF8, "application/json");

    [Fact]
    public async Task ABatchPastItsCost_Is413NamingTheBound_AndOneWithinIt_Runs()
    {
        using var client = await app.ClientForAsync("ContractManager");
        // 70 parts that each expand two navigations cost 210, past the bound of 200, though there are fewer than 100 parts.
        using var costly = await client.PostAsync("/odata/$batch", Batch(Enumerable.Repeat("/odata/Indicators?$expand=Measurements,Contract", 70)), Ct);
        var body = await costly.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, costly.StatusCode);
        Assert.Contains("$batch cost", body, StringComparison.Ordinal);
        Assert.Contains("costs 210", body, StringComparison.Ordinal);

        using var cheap = await client.PostAsync("/odata/$batch", Batch(Enumerable.Repeat("/odata/Contracts?$top=1&$select=Reference", 60)), Ct);
        Assert.Equal(HttpStatusCode.OK, cheap.StatusCode);
    }

    [Fact]
    public async Task ABatchOfMoreThanAHundredParts_IsRefused()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.PostAsync("/odata/$batch", Batch(Enumerable.Repeat("/odata/Departments?$top=1", 101)), Ct);
        Assert.True((int)response.StatusCode is 400 or 413, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }
}

/// <summary>A host with a tight bound on response size, so that it can be passed on the seed data.</summary>
public sealed class SmallResponsesApp : SqliteAppBase
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Limits:MaxResponseBytes"] = "100000" };
}

/// <summary>A host whose requests may run a millisecond: any query that reads the database passes it.</summary>
public sealed class ShortRequestsApp : SqliteAppBase
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Limits:QuerySeconds"] = "0.001" };
}

/// <summary>Past the response-size bound: a 413 naming it, not half a response.</summary>
public sealed class ResponseSizeBoundTests(SmallResponsesApp app) : IClassFixture<SmallResponsesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AResponsePastTheSizeBound_Is413NamingIt_SmallerOnesAndDocumentsPass()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var large = await client.GetAsync("/odata/Indicators?$expand=Measurements", Ct);
        var body = await large.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Contains("Limits:MaxResponseBytes", body, StringComparison.Ordinal);
        Assert.Contains("100,000 bytes", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@odata.context", body, StringComparison.Ordinal); // nothing of the refused response leaks into the refusal

        using var small = await client.GetAsync("/odata/Contracts?$top=2&$select=Reference", Ct);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

}

/// <summary>Past the time bound: a 400 naming it, not half a response, and health stays up.</summary>
public sealed class QueryTimeBoundTests(ShortRequestsApp app) : IClassFixture<ShortRequestsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARequestPastTheTimeBound_Is400NamingIt_AndHealthStaysUp()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var slow = await client.GetAsync("/odata/SlipObservations?$apply=groupby((IndicatorId,PeriodStart,Cause),aggregate($count as N))", Ct);
        var body = await slow.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, slow.StatusCode);
        Assert.Contains("Limits:QuerySeconds", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@odata.context", body, StringComparison.Ordinal);

        using var anonymous = app.CreateClient();
        using var health = await anonymous.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
