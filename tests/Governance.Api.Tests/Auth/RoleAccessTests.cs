using System.Net;
using Governance.Api.Auth;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Auth;

/// <summary>Deny by default: each role reads exactly the entity sets AccessRules gives it, through its demo account.</summary>
public sealed class RoleAccessTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Read_EveryEntitySet_AllowedExactlyAsTheTableSays(string role)
    {
        using var client = await app.ClientForAsync(role);
        foreach (var (set, rule) in AccessRules.EntitySets)
        {
            using var response = await client.GetAsync($"/odata/{set}?$top=1", Ct);
            var expected = rule.Read.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{role} reading {set}: expected {expected}, got {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("Councillor", "/odata/Departments")]
    [InlineData("UnionRepresentative", "/odata/Procurements")]
    [InlineData("Supplier", "/odata/Contracts")]
    [InlineData("ContractManager", "/odata/Departments")]
    public async Task Write_RoleNotAllowed_Is403(string role, string url)
    {
        using var client = await app.ClientForAsync(role);
        using var response = await client.PostJsonAsync(url, new { Code = "NOPE", Name = "Not allowed" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void AccessRules_CoverEveryODataController()
    {
        var controllers = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.OData.Routing.Controllers.ODataController)) && !t.IsAbstract)
            .Select(t => t.Name[..^"Controller".Length]);
        Assert.All(controllers, c => Assert.True(AccessRules.EntitySets.ContainsKey(c), $"{c} has no access rule"));
    }

    [Fact]
    public async Task InvalidToken_Is401()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        using var response = await client.GetAsync("/odata/Departments", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RefusedRequest_IsLoggedWithWhoWhatAndWhen()
    {
        using var client = await app.ClientForAsync("Councillor");
        using var response = await client.GetAsync("/odata/AuditEntries?probe=logging", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var entry = Assert.Single(app.Logs.Entries, e => e.Message.Contains("probe=logging", StringComparison.Ordinal));
        Assert.Contains("councillor@demo.local", entry.Message, StringComparison.Ordinal);
        Assert.Contains("GET /odata/AuditEntries", entry.Message, StringComparison.Ordinal);
        Assert.Matches(@"at \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", entry.Message);
    }
}
