using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>Each input that once answered 500 (or cut the connection) now answers a 4xx that says what is wrong.</summary>
public sealed class ClientErrorTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Contracts", "hour(StartOn) eq 1")]
    [InlineData("Contracts", "time(StartOn) eq 10:00:00")]
    [InlineData("Contracts", "StartOn lt now()")]
    [InlineData("Contracts", "StartOn lt maxdatetime()")]
    [InlineData("Contracts", "cast(StartOn,Edm.Int32) eq 1")]
    [InlineData("ProposedKpis", "Target mul 7.9e28 gt 1")]
    [InlineData("Contracts", "TotalValue gt 79228162514264337593543950336")]
    [InlineData("Contracts", "Id le 1e400")]
    [InlineData("Contracts", "TotalValue div 0 gt 1")]
    [InlineData("Procurements", "Title eq 'a\u0000b'")]
    [InlineData("WorkflowDefinitions", "substring(Title,-1,2) eq 'x'")] // a set served from memory: evaluated in .NET, found by the 10,000-query fuzz
    public async Task AQueryThatCannotBeApplied_Is400(string set, string filter)
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.GetAsync($"/odata/{set}?$filter={Uri.EscapeDataString(filter)}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode is 200 or 400, $"{(int)response.StatusCode} {body}");
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComputeWithSelect_Is400_NotACutConnection()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.GetAsync("/odata/Contracts?$compute=TotalValue mul 2 as Double&$select=Double,Title", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Compute", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedIfMatch_Is400()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/odata/Contracts(1)") { Content = JsonContent.Create(new { Title = "x" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "garbage\"");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("If-Match", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountWithoutRoles_Is400()
    {
        using var admin = await app.ClientForAsync("Administrator");
        using var response = await admin.PostAsJsonAsync("/auth/users", new { email = $"{Guid.NewGuid():N}@council.example", displayName = "No roles", password = "A long passphrase 1" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Roles", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/odata/Indicators?$expand=Measurements($expand=Indicator($expand=Measurements))", "may not return")]
    [InlineData("/odata/Contracts?$expand=Indicators($expand=Measurements)", "needs $top")]
    [InlineData("/odata/Contracts?$expand=Indicators($expand=Measurements($top=500))", "needs $top")]
    public async Task AnExpansionPastItsBounds_Is400NamingTheBound(string url, string bound)
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(bound, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABoundedNestedExpansion_IsServed()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.GetAsync("/odata/Contracts?$expand=Indicators($expand=Measurements($top=12;$orderby=PeriodStart desc))&$top=2", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
