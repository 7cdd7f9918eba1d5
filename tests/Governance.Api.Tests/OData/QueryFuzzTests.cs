using System.Xml.Linq;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>
/// Thousands of generated queries, built from $metadata over every entity set and property, as several roles: valid
/// and invalid functions, operators, literals out of range, division by zero, control characters. None may answer 5xx
/// or cut the connection.
/// </summary>
public sealed class QueryFuzzTests(SqliteApp app)
{
    /// <summary>2,400 in the suite; GOVERNANCE_FUZZ_QUERIES runs more (10,000 before a release).</summary>
    private static readonly int Queries = int.TryParse(Environment.GetEnvironmentVariable("GOVERNANCE_FUZZ_QUERIES"), out var n) ? n : 2_400;
    private static readonly string[] Roles = ["ContractManager", "Councillor", "Supplier", "UnionRepresentative", "ProcurementOfficer"];
    private static readonly string[] Literals =
        ["1", "-1", "0", "7.9e28", "79228162514264337593543950336", "1e400", "'text'", "'a''b'", "'%'", "2026-01-31", "2026-01-31T10:00:00Z", "10:00:00",
         "null", "true", "3.14", "00000000-0000-0000-0000-000000000000", "duration'P1D'", "-2147483649"];

    private static readonly string[] Filters =
    [
        "{p} eq {v}", "{p} ne {v}", "{p} gt {v}", "{p} le {v}", "{p} in ({v},{v})", "{p} has {v}",
        "year({p}) eq 2020", "month({p}) eq 1", "day({p}) eq 1", "hour({p}) eq 1", "minute({p}) eq 1", "second({p}) eq 1", "fractionalseconds({p}) gt 0",
        "date({p}) eq 2020-01-01", "time({p}) eq 10:00:00", "totaloffsetminutes({p}) eq 0", "{p} lt now()", "{p} gt mindatetime()", "{p} lt maxdatetime()",
        "contains({p},'x')", "startswith({p},'x')", "endswith({p},'x')", "length({p}) gt 2", "tolower({p}) eq 'x'", "toupper({p}) eq 'X'", "trim({p}) eq 'x'",
        "concat({p},'x') eq 'y'", "indexof({p},'x') eq 1", "substring({p},1) eq 'x'", "substring({p},-1,2) eq 'x'",
        "round({p}) eq 1", "floor({p}) eq 1", "ceiling({p}) eq 1", "cast({p},Edm.String) eq '1'", "cast({p},Edm.Int32) eq 1", "isof({p},Edm.String)",
        "{p} add 1 gt 2", "{p} sub {v} lt 0", "{p} div 0 gt 1", "{p} mod 0 eq 1", "{p} mul 7.9e28 gt 1", "-{p} lt 0", "not {p}", "{p} eq {p}",
        "{p} eq 'a\u0000b'", "matchesPattern({p},'^a')",
    ];

    [Fact]
    public async Task GeneratedQueries_NeverAnswer5xx_OrCutTheConnection()
    {
        using var reader = await app.ClientForAsync("ContractManager");
        var metadata = XDocument.Parse(await (await reader.GetAsync("/odata/$metadata", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        XNamespace edm = "http://docs.oasis-open.org/odata/ns/edm";
        var types = metadata.Descendants(edm + "EntityType").ToDictionary(
            t => t.Attribute("Name")!.Value,
            t => t.Elements(edm + "Property").Select(p => p.Attribute("Name")!.Value).ToList());
        var sets = metadata.Descendants(edm + "EntitySet")
            .Select(s => (Name: s.Attribute("Name")!.Value, Properties: types.GetValueOrDefault(s.Attribute("EntityType")!.Value.Split('.')[^1]) ?? []))
            .Where(s => s.Properties.Count > 0).ToList();
        Assert.True(sets.Count > 40, "the model's entity sets");

        var random = new Random(17);
        var queries = Enumerable.Range(0, Queries).Select(_ =>
        {
            var (set, properties) = sets[random.Next(sets.Count)];
            var property = properties[random.Next(properties.Count)];
            var other = properties[random.Next(properties.Count)];
            var literal = Literals[random.Next(Literals.Length)];
            var query = random.Next(10) switch
            {
                < 6 => "$filter=" + Uri.EscapeDataString(Filters[random.Next(Filters.Length)].Replace("{p}", property, StringComparison.Ordinal).Replace("{v}", literal, StringComparison.Ordinal)),
                6 => $"$orderby={property} desc,{other}&$top={random.Next(-1, 2000)}&$skip={random.Next(-1, 50)}",
                7 => $"$select={property},{other}&$count=true&$skip={literal}",
                8 => "$apply=" + Uri.EscapeDataString(random.Next(2) == 0 ? $"groupby(({property}),aggregate($count as N))" : $"aggregate({property} with sum as S)"),
                _ => $"$search={Uri.EscapeDataString(literal)}&$orderby={Uri.EscapeDataString(property + " " + literal)}",
            };
            return (Role: Roles[random.Next(Roles.Length)], Url: $"/odata/{set}?{query}");
        }).ToList();

        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles)
            clients[role] = await app.ClientForAsync(role);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(queries, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken }, async (q, ct) =>
        {
            try
            {
                using var response = await clients[q.Role].GetAsync(q.Url, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{(int)response.StatusCode} {q.Role} {Uri.UnescapeDataString(q.Url)}");
                else if (!response.IsSuccessStatusCode && (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal)))
                    failures.Add($"internals in {(int)response.StatusCode} {q.Role} {Uri.UnescapeDataString(q.Url)}");
            }
            catch (HttpRequestException e)
            {
                failures.Add($"cut: {q.Role} {Uri.UnescapeDataString(q.Url)}: {e.Message}");
            }
            catch (IOException e)
            {
                failures.Add($"cut: {q.Role} {Uri.UnescapeDataString(q.Url)}: {e.Message}");
            }
        });
        foreach (var client in clients.Values)
            client.Dispose();

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Queries}:\n{string.Join('\n', failures.Take(25))}");
    }
}
