using System.Net;
using Governance.Api.Data.Generation;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Data;

/// <summary>The same host against a real PostgreSQL server: migrations, seed, queries, ETags and the audit chain.</summary>
public sealed class PostgresTests(PostgresApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_MigratesSeedsAndAnswersQueries()
    {
        PostgresApp.RequireServer();
        using var client = await app.ClientForAsync("ContractManager");
        var result = await client.GetJsonAsync("/odata/Contracts?$filter=Reference eq 'SSO-2012-001'&$expand=Indicators($select=Code;$expand=Measurements($top=1;$orderby=PeriodStart))");
        var contract = Assert.Single(result.GetProperty("value").EnumerateArray());
        Assert.Equal(7, contract.GetProperty("Indicators").GetArrayLength());
        var filtered = await client.GetJsonAsync("/odata/Measurements?$filter=RecordedAt ge 2015-01-01T00:00:00Z and Value gt 90&$orderby=Value desc&$count=true&$top=5");
        Assert.True(filtered.GetProperty("@odata.count").GetInt32() > 0);
        var grouped = await client.GetJsonAsync("/odata/Measurements?$apply=groupby((IndicatorId),aggregate(Value with average as Average))");
        Assert.True(grouped.Count() >= 7);
    }

    [Fact]
    public async Task Postgres_Search_IsFullText_ThroughEachTablesIndex()
    {
        PostgresApp.RequireServer();
        using var client = await app.ClientForAsync("Councillor");
        async Task<List<string>> ReferencesAsync(string search) =>
            [.. (await client.GetJsonAsync($"/odata/Contracts?$search={Uri.EscapeDataString(search)}&$select=Reference")).GetProperty("value").EnumerateArray().Select(c => c.GetProperty("Reference").GetString()!)];

        Assert.Contains("SSO-2012-001", await ReferencesAsync("sharing")); // stemmed: "shared services"
        Assert.Contains("SSO-2012-001", await ReferencesAsync("\"contact centre\" AND NOT zzzznotthere"));
        Assert.DoesNotContain("SSO-2012-001", await ReferencesAsync("hare"));
        Assert.Empty(await ReferencesAsync("\"-\""));

        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'IX_%_FullText'", connection);
        Assert.Equal(13L, (long)(await command.ExecuteScalarAsync(Ct))!);
    }

    [Fact]
    public async Task Postgres_DataGenerator_FillsItToo_AndDateRangesFilter()
    {
        PostgresApp.RequireServer();
        var seed = Random.Shared.Next(1_000, 1_000_000);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(new DataScale("T", 5, 10, 12, 5), seed, Ct);
            Assert.Equal(600, report.Measurements);
        }
        using var client = await app.ClientForAsync("ContractManager");
        var inRange = await client.GetJsonAsync(
            $"/odata/Measurements?$filter=startswith(Indicator/Contract/Reference, 'GENT{seed}') and PeriodStart ge 2026-01-01 and PeriodStart lt 2026-07-01&$count=true&$top=0");
        Assert.Equal(5 * 10 * 6, inRange.GetProperty("@odata.count").GetInt32());
    }

    [Fact]
    public async Task Postgres_ConcurrentPatchesWithOneETag_ExactlyOneSucceeds()
    {
        PostgresApp.RequireServer();
        using var client = await app.ClientForAsync("ProcurementOfficer");
        using var created = await client.PostJsonAsync("/odata/Suppliers", new { Name = $"Pg {Guid.NewGuid():N}", IsSme = true, IsVcse = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var supplier = await created.JsonAsync();
        var url = $"/odata/Suppliers({supplier.GetProperty("Id").GetInt32()})";
        using var none = await client.SendJsonAsync(HttpMethod.Patch, url, new { ContactEmail = "x@y.example" });
        Assert.Equal(HttpStatusCode.PreconditionRequired, none.StatusCode);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            client.SendJsonAsync(HttpMethod.Patch, url, new { ContactEmail = $"{i}@y.example" }, supplier.ETag())));
        Assert.Equal(1, responses.Count(r => r.IsSuccessStatusCode));
        Assert.All(responses.Where(r => !r.IsSuccessStatusCode), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
    }

    [Fact]
    public async Task Postgres_AuditChainVerifies()
    {
        PostgresApp.RequireServer();
        using var admin = await app.ClientForAsync("Administrator");
        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            admin.PostJsonAsync("/odata/Departments", new { Code = Guid.NewGuid().ToString("N")[..12], Name = "Parallel department" })));
        Assert.All(writes, w => Assert.Equal(HttpStatusCode.Created, w.StatusCode));
        var result = await (await admin.PostAsync("/odata/AuditEntries/Governance.Verify", null, Ct)).JsonAsync();
        Assert.True(result.GetProperty("Intact").GetBoolean(), result.ToString());
    }
}
