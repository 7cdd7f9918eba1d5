using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Platform;

public sealed class EndpointsTests(SqliteApp app)
{
    private static readonly string[] EntitySets =
    [
        "Departments", "Suppliers", "Procurements", "Bidders", "Contracts", "Indicators", "Measurements", "InternalSlas",
        "Committees", "Members", "Meetings", "SignOffRequests", "Escalations", "AuditEntries",
    ];

    [Fact]
    public async Task Metadata_Anonymous_DescribesEveryEntitySet()
    {
        using var client = app.CreateClient();
        var metadata = await client.GetStringAsync("/odata/$metadata", TestContext.Current.CancellationToken);
        foreach (var set in EntitySets)
            Assert.Contains($"<EntitySet Name=\"{set}\"", metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Anonymous_ReportsLivenessAndDatabase()
    {
        using var client = app.CreateClient();
        var health = await (await client.GetAsync("/health", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("live").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/health/live", "live", "database")]
    [InlineData("/health/ready", "database", "live")]
    public async Task Health_LiveAndReady_AreSeparate_EachWithItsOwnChecks(string path, string included, string excluded)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var health = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty(included).GetProperty("status").GetString());
        Assert.False(health.GetProperty("checks").TryGetProperty(excluded, out _));
    }

    [Fact]
    public async Task OpenApi_Anonymous_DescribesTheODataPaths()
    {
        using var client = app.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Contains("\"openapi\"", document, StringComparison.Ordinal);
        Assert.Contains("/odata/Contracts", document, StringComparison.Ordinal);
        Assert.Contains("/auth/login", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_EveryOperationHasAStableUniqueId_AndTheBearerSchemeIsDeclared()
    {
        using var client = app.CreateClient();
        using var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var root = document.RootElement;
        var operations = root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == System.Text.Json.JsonValueKind.Object && o.Name != "parameters")
                .Select(o => (Where: $"{o.Name} {path.Name}", Id: o.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null)))
            .ToList();
        Assert.True(operations.Count > 200);
        Assert.Empty(operations.Where(o => string.IsNullOrEmpty(o.Id)).Select(o => o.Where));
        Assert.Equal(operations.Count, operations.Select(o => o.Id).Distinct().Count());
        Assert.Contains("Contracts_List", operations.Select(o => o.Id));
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal(1, root.GetProperty("security").GetArrayLength());
    }

    [Fact]
    public async Task ApiReference_Anonymous_ServesTheInteractivePage()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api-reference", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntitySet_Anonymous_Is401()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/odata/Contracts", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
