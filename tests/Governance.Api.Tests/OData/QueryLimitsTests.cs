using System.Net;
using System.Text;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>Every limit at the limit (accepted) and one past it (400 with a body that says why, and nothing internal).</summary>
public sealed class QueryLimitsTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> AtTheLimit => new()
    {
        { "top", "/odata/Measurements?$top=1000&$select=Id" },
        { "expansion depth 3", "/odata/Measurements?$top=5&$expand=Indicator($expand=Contract($expand=Supplier))" },
        { "orderby 5", "/odata/Measurements?$top=1&$orderby=IndicatorId,PeriodStart,Version,Value,Id" },
        { "any/all depth 2", "/odata/Contracts?$filter=Indicators/any(i: i/Measurements/any(m: m/Value gt 0))" },
        { "node count", "/odata/Measurements?$top=1&$filter=" + Conditions(20) },
    };

    public static TheoryData<string, string, string> PastTheLimit => new()
    {
        { "top", "/odata/Measurements?$top=1001", "1000" },
        { "expansion depth 4", "/odata/Measurements?$top=5&$expand=Indicator($expand=Contract($expand=Supplier($expand=Contracts)))", "3" },
        { "orderby 6", "/odata/Measurements?$orderby=IndicatorId,PeriodStart,Version,Value,Id,RecordedAt", "5" },
        { "any/all depth 3", "/odata/Suppliers?$filter=Contracts/any(c: c/Indicators/any(i: i/Measurements/any(m: m/Value gt 0)))", "2" },
        { "node count", "/odata/Measurements?$top=1&$filter=" + Conditions(21), "100" },
    };

    /// <summary>A filter of n comparisons joined by 'or': 20 of them come to exactly 100 nodes.</summary>
    private static string Conditions(int n) => string.Join(" or ", Enumerable.Range(1, n).Select(i => $"Id eq {i}"));

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public async Task Query_AtTheLimit_IsAnswered(string limit, string url)
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{limit}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Theory]
    [MemberData(nameof(PastTheLimit))]
    public async Task Query_PastTheLimit_Is400SayingWhy(string limit, string url, string limitValue)
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{limit}: {(int)response.StatusCode} {body}");
        Assert.Contains(limitValue, body, StringComparison.Ordinal);
        ErrorBodies.AssertNothingInternal(body);
    }

    [Theory]
    [InlineData("/odata/Contracts?$filter=Nope eq 1")]
    [InlineData("/odata/Contracts?$filter=Reference eq")]
    [InlineData("/odata/Contracts?$orderby=Reference sideways")]
    [InlineData("/odata/Contracts?$select=Secret")]
    [InlineData("/odata/Contracts?$expand=Bidders")]
    [InlineData("/odata/Contracts?$top=-1")]
    [InlineData("/odata/Contracts?$skip=abc")]
    [InlineData("/odata/Contracts?$apply=groupby((Nope))")]
    [InlineData("/odata/Contracts?$apply=nonsense(")]
    [InlineData("/odata/Contracts?$compute=TotalValue mul as X")]
    [InlineData("/odata/Contracts?$filter=StartOn gt 'not a date'")]
    [InlineData("/odata/Contracts('abc')")]
    [InlineData("/odata/Contracts?$filter=substringof('a', Title) eq true")]
    public async Task MalformedQuery_Is4xxWithoutInternals(string url)
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{url}: {(int)response.StatusCode} {body}");
        ErrorBodies.AssertNothingInternal(body);
    }

    [Fact]
    public async Task RequestBody_OverOneMebibyte_Is413()
    {
        using var client = await app.ClientForAsync("Administrator");
        var tooLarge = "{\"Code\":\"X\",\"Name\":\"" + new string('a', 1024 * 1024) + "\"}";
        using var response = await client.PostAsync("/odata/Departments", new StringContent(tooLarge, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task RequestBody_AtOneMebibyte_IsRead()
    {
        using var client = await app.ClientForAsync("Administrator");
        var prefix = "{\"Code\":\"BIG\",\"Name\":\"";
        var suffix = "\"}";
        var exactly = prefix + new string('a', 1024 * 1024 - prefix.Length - suffix.Length) + suffix;
        Assert.Equal(1024 * 1024, Encoding.UTF8.GetByteCount(exactly));
        using var response = await client.PostAsync("/odata/Departments", new StringContent(exactly, Encoding.UTF8, "application/json"), Ct);
        // Read and refused on its content (Name is limited to 200 characters), not on its size.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Name", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
