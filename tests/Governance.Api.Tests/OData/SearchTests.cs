using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>$search finds what people look things up by, never what the reader may not see, and is refused where a set offers none.</summary>
public sealed class SearchTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> ReferencesAsync(HttpClient client, string search) =>
        [.. (await client.GetJsonAsync($"/odata/Contracts?$search={Uri.EscapeDataString(search)}&$select=Reference")).GetProperty("value").EnumerateArray().Select(c => c.GetProperty("Reference").GetString()!)];

    [Fact]
    public async Task Search_MatchesTermsAndPhrases_WithAndOrNot_CaseAside()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        Assert.Empty(await ReferencesAsync(councillor, "zzzznotthere"));
        Assert.Contains("SSO-2012-001", await ReferencesAsync(councillor, "SHARED"));
        Assert.Contains("SSO-2012-001", await ReferencesAsync(councillor, "\"contact centre\""));
        Assert.Contains("SSO-2012-001", await ReferencesAsync(councillor, "shared AND ict"));
        Assert.DoesNotContain("SSO-2012-001", await ReferencesAsync(councillor, "shared AND zzzznotthere"));
        Assert.Contains("SSO-2012-001", await ReferencesAsync(councillor, "shared OR zzzznotthere"));
        Assert.DoesNotContain("SSO-2012-001", await ReferencesAsync(councillor, "NOT shared"));
    }

    [Fact]
    public async Task Search_OnASetWithNothingToSearch_Is400SayingWhereItIsOffered()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        using var response = await councillor.GetAsync("/odata/Measurements?$search=red", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$search is not offered on this set", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NeverFindsWhatTheReaderMayNotSee()
    {
        // The seed's Part B section on bidders' indicative prices is exempt (paragraph 3) for the scrutiny committee.
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var marked = (await dso.GetJsonAsync("/odata/ExemptionMarkings?$filter=EntityType eq 'PaperSection'&$orderby=Id&$top=1")).GetProperty("value")[0].GetProperty("EntityKey").GetInt32();
        var body = (await dso.GetJsonAsync($"/odata/PaperSections({marked})")).GetProperty("Body").GetString()!;
        var phrase = string.Join(' ', body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).Take(4));
        var url = $"/odata/PaperSections?$search={Uri.EscapeDataString($"\"{phrase}\"")}&$select=Id";

        using var chair = await app.ClientForAsync("Councillor");
        Assert.Contains((await chair.GetJsonAsync(url)).GetProperty("value").EnumerateArray(), s => s.GetProperty("Id").GetInt32() == marked);
        using var union = await app.ClientForAsync("UnionRepresentative");
        Assert.DoesNotContain((await union.GetJsonAsync(url)).GetProperty("value").EnumerateArray(), s => s.GetProperty("Id").GetInt32() == marked);
    }

    [Fact]
    public async Task Search_IsByWords_StemmedAsEnglish_NotBySubstring()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        // "Shared services": a full-text index finds it by "sharing" and "service" (one stem), and not by "hare" inside "shared".
        Assert.Contains("SSO-2012-001", await ReferencesAsync(councillor, "sharing"));
        Assert.Contains("SSO-2012-001", await ReferencesAsync(councillor, "service"));
        Assert.DoesNotContain("SSO-2012-001", await ReferencesAsync(councillor, "hare"));
        // A reference is found whole; punctuation on its own finds nothing, and FTS5's syntax is not the client's.
        Assert.Contains("SSO-2012-001", await ReferencesAsync(councillor, "\"SSO-2012-001\""));
        Assert.Empty(await ReferencesAsync(councillor, "\"-\""));
        Assert.Empty(await ReferencesAsync(councillor, "\"Title:shared*\""));
    }

    [Fact]
    public async Task TheIndex_FollowsEveryCreateAndChange()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await Performance.PerformanceApi.ContractAsync(manager);
        var before = $"Zebracrossing{Guid.NewGuid():N}"[..20];
        var after = $"Pelicancrossing{Guid.NewGuid():N}"[..20];
        var kpi = await Performance.PerformanceApi.KpiAsync(manager, contract, $"Crossings inspected {before}");
        async Task<List<int>> FoundAsync(string term) =>
            [.. (await manager.GetJsonAsync($"/odata/Indicators?$search={Uri.EscapeDataString($"\"{term}\"")}&$select=Id")).GetProperty("value").EnumerateArray().Select(i => i.GetProperty("Id").GetInt32())];
        Assert.Equal([kpi], await FoundAsync(before));

        var etag = (await manager.GetJsonAsync($"/odata/Indicators({kpi})")).ETag();
        using var renamed = await manager.SendJsonAsync(HttpMethod.Patch, $"/odata/Indicators({kpi})", new { Name = $"Crossings inspected {after}" }, etag);
        Assert.True(renamed.IsSuccessStatusCode, $"PATCH answered {(int)renamed.StatusCode}");

        Assert.Empty(await FoundAsync(before));
        Assert.Equal([kpi], await FoundAsync(after));
    }
}
