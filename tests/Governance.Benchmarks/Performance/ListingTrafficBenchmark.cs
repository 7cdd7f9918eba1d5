using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Data.Generation;
using Governance.Benchmarks.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Benchmarks.Performance;

/// <summary>
/// Issue 18: listings as real traffic sends them. Every request is a 20-row page of KPI returns for a contract, a
/// period, an ordering and a page drawn from a seeded generator, so nearly every request carries values no earlier
/// request had. Three paths get the same sequence of requests, in rotating rounds: the host as it answers (the
/// listing writer), the OData package's own path for the same request, and the same SQL through ADO.NET plus
/// System.Text.Json. Targets: the writer within 1.5x of the SQL, and never slower than the package.
/// </summary>
internal static class ListingTrafficBenchmark
{
    private const int Rounds = 31;
    private const int PerRound = 20;
    private const int PageRows = 20;

    private static readonly (string OData, string Sql)[] Orderings =
    [
        ("PeriodStart,IndicatorId", "m.\"PeriodStart\", m.\"IndicatorId\", m.\"Id\""),
        ("PeriodStart desc,IndicatorId", "m.\"PeriodStart\" DESC, m.\"IndicatorId\", m.\"Id\""),
        ("IndicatorId desc,PeriodStart", "m.\"IndicatorId\" DESC, m.\"PeriodStart\", m.\"Id\""),
    ];

    public static async Task RunAsync(TextWriter output, string scaleName)
    {
        var scale = DataScale.Parse(scaleName);
        await using var host = BenchmarkHost.Start(seed: true);
        var generated = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(scale, 42, CancellationToken.None);
        generated.Stop();
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        await using var connection = new SqliteConnection(host.ConnectionString);
        await connection.OpenAsync();
        var contracts = new List<long>();
        await using (var command = SqliteBulk.Command(connection, $"SELECT \"Id\" FROM \"Contracts\" WHERE \"Reference\" LIKE 'GEN{scale.Name}42-C%' ORDER BY \"Id\""))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                contracts.Add(reader.GetInt64(0));
        }

        using var client = await host.SignedInClientAsync(Roles.Councillor);
        var returns = await ScalarAsync(connection, "SELECT COUNT(*) FROM \"Measurements\"");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Listing traffic at {scale.Name}: {returns:N0} KPI returns, {contracts.Count:N0} contracts (generated in {generated.Elapsed.TotalSeconds:F0} s); 20-row pages, each request a new contract, period, ordering and page (seed 42)"));

        // The three paths agree, request by request, before any is timed.
        var check = new Requests(contracts);
        for (var i = 0; i < 30; i++)
        {
            var request = check.Next();
            var writer = await ODataIdsAsync(client, request.Url);
            var package = await ODataIdsAsync(client, request.Url + "&viaPackage=1");
            var sql = await BaselineAsync(connection, request);
            if (!writer.SequenceEqual(package) || !writer.SequenceEqual(sql))
                throw new InvalidOperationException($"The paths disagree on {request.Url}: writer {writer.Count}, package {package.Count}, SQL {sql.Count} rows.");
        }

        var writerRequests = new Requests(contracts);
        var packageRequests = new Requests(contracts);
        var sqlRequests = new Requests(contracts);
        var repeated = new Requests(contracts).Next().Url;
        var floorRequests = new Requests(contracts);
        var rotated = await Measure.RotateAsync(Rounds, PerRound,
        [
            async () => await ODataIdsAsync(client, writerRequests.Next().Url),
            async () => await ODataIdsAsync(client, packageRequests.Next().Url + "&viaPackage=1"),
            async () => await BaselineAsync(connection, sqlRequests.Next()),
            async () => await ODataIdsAsync(client, repeated),
            // The host's floor: the same requests asking for no rows (routing, sign-in, authorization, options, an empty query, the answer).
            async () => await ODataIdsAsync(client, floorRequests.Next().Url.Replace($"$top={PageRows}", "$top=0", StringComparison.Ordinal)),
        ]);
        await output.WriteLineAsync("path | ms/request (median of rounds) | writer's time as a multiple of it (quartiles)");
        string[] names = ["listing writer (the host)", "OData package's own path", "same SQL + System.Text.Json", "writer, one request repeated", "writer, same requests, $top=0"];
        for (var i = 0; i < names.Length; i++)
        {
            var ratio = 1 / rotated.MedianRatios[i];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{names[i],-30} | {rotated.MedianMs[i],6:F2} | {ratio:F2}x ({1 / rotated.UpperQuartileRatios[i]:F2}x to {1 / rotated.LowerQuartileRatios[i]:F2}x)"));
        }

        await output.WriteLineAsync($"  {Rounds} rounds of {PerRound} requests per path, the paths taken in turn; {writerRequests.Seen:N0} requests to the writer, {writerRequests.Distinct:N0} of them distinct. Targets: writer <= 1.5x the SQL; writer <= 1.0x the package; a new value no dearer than a repeated one.");
    }

    private static async Task<List<int>> ODataIdsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return [.. json.RootElement.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetInt32())];
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = SqliteBulk.Command(connection, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>One request: a contract, a period of 3 to 12 months within the generated five years, an ordering and a page.</summary>
    private sealed record PageRequest(long Contract, DateOnly From, DateOnly To, int Ordering, int Skip)
    {
        public string Url => string.Create(CultureInfo.InvariantCulture,
            $"/odata/Measurements?$filter=Indicator/ContractId eq {Contract} and PeriodStart ge {From:yyyy-MM-dd} and PeriodStart lt {To:yyyy-MM-dd}&$orderby={Orderings[Ordering].OData}&$top={PageRows}&$skip={Skip}");
    }

    /// <summary>The seeded sequence of requests; each path draws its own copy, so all three see the same requests.</summary>
    private sealed class Requests(List<long> contracts)
    {
        private readonly Random random = new(42);
        private readonly HashSet<string> urls = [];

        public int Seen { get; private set; }

        public int Distinct => urls.Count;

        public PageRequest Next()
        {
            var first = DataGenerator.LastMonth.AddMonths(-59);
            var from = first.AddMonths(random.Next(60));
            var request = new PageRequest(contracts[random.Next(contracts.Count)], from, from.AddMonths(3 + random.Next(10)), random.Next(Orderings.Length), PageRows * random.Next(3));
            Seen++;
            urls.Add(request.Url);
            return request;
        }
    }

    /// <summary>
    /// The page by hand: the same join, filter, order, limit and offset, with the archival predicate and the exemption
    /// predicates EF sends (the KPI's own, then the return's: itself, its KPI, and the KPI's contract and internal SLA), serialized with System.Text.Json.
    /// </summary>
    private static async Task<List<int>> BaselineAsync(SqliteConnection connection, PageRequest request)
    {
        await using var command = SqliteBulk.Command(connection, $"""
            SELECT {MeasurementPage.Columns}
            FROM "Measurements" AS m JOIN "Indicators" AS i ON i."Id" = m."IndicatorId"
            WHERE i."ContractId" = $contract AND m."PeriodStart" >= $from AND m."PeriodStart" < $to
              AND i."ArchivedAt" IS NULL AND {ExemptionSql.MeasurementsWithIndicators}
            ORDER BY {Orderings[request.Ordering].Sql} LIMIT {PageRows} OFFSET $skip
            """, ("$contract", request.Contract), ("$from", request.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$to", request.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$skip", request.Skip), ("$viewer", ExemptionSql.Viewer),
            ("$today", ExemptionSql.Today));
        return await MeasurementPage.ReadAndWriteAsync(command, PageRows);
    }
}
