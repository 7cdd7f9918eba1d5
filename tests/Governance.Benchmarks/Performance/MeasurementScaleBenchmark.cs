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
/// Issue 8: an OData page of 100 KPI returns filtered by contract and period and ordered, against the same SQL
/// through ADO.NET plus System.Text.Json, at scales S (the seed), M and L in the same run; then $count and an
/// $apply group-by over the whole table at each scale.
/// </summary>
internal static class MeasurementScaleBenchmark
{
    private const int Rounds = 51;
    private const int PerRound = 20;

    public static async Task RunAsync(TextWriter output, IReadOnlyList<string> scales)
    {
        await output.WriteLineAsync("KPI returns: OData $filter by contract and period + $orderby, a page of 100, against the same SQL + System.Text.Json (SQLite, Councillor)");
        await output.WriteLineAsync("scale | returns | generate | OData ms/req | baseline ms/req | ratio (quartiles) | one month council-wide ms/req | $count ms | $apply groupby ms");
        var runs = new List<ScaleRun>();
        try
        {
            foreach (var name in scales)
            {
                var run = await ScaleRun.StartAsync(DataScale.Parse(name));
                runs.Add(run);
                await output.WriteLineAsync(await run.MeasureAsync());
            }

            await output.WriteLineAsync($"  each page: median of {Rounds} alternating rounds of {PerRound} against its baseline, after a steady-state warm-up.");
            if (runs.Count > 1)
            {
                // Each scale's page was timed minutes after the last, and this machine's speed drifts: growth is
                // timed again with all the scales' hosts up, in rounds that take each in turn.
                var growth = await Measure.RotateAsync(Rounds, PerRound, [.. runs.Select(r => (Func<Task>)r.PageAsync)]);
                for (var i = 1; i < runs.Count; i++)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  growth {runs[0].Name} to {runs[i].Name}: {growth.MedianRatios[i]:F2}x ({growth.MedianMs[0]:F2} to {growth.MedianMs[i]:F2} ms; quartiles {growth.LowerQuartileRatios[i]:F2}x to {growth.UpperQuartileRatios[i]:F2}x; rounds taking each scale in turn; target < 1.3x from S to L)"));
                }
            }
        }
        finally
        {
            foreach (var run in runs)
                await run.DisposeAsync();
        }
    }

    /// <summary>One scale's host, database and signed-in reader, kept up until every scale has been timed.</summary>
    private sealed class ScaleRun : IAsyncDisposable
    {
        private readonly BenchmarkHost host;
        private readonly SqliteConnection connection;
        private readonly HttpClient client;
        private readonly DataScale scale;
        private readonly TimeSpan generated;
        private readonly long contractId;
        private readonly string from;
        private readonly string to;
        private int rows;

        private ScaleRun(BenchmarkHost host, SqliteConnection connection, HttpClient client, DataScale scale, TimeSpan generated, long contractId, string from, string to)
        {
            this.host = host;
            this.connection = connection;
            this.client = client;
            this.scale = scale;
            this.generated = generated;
            this.contractId = contractId;
            this.from = from;
            this.to = to;
        }

        public string Name => scale.Name;

        private string Url => $"/odata/Measurements?$filter=Indicator/ContractId eq {contractId} and PeriodStart ge {from} and PeriodStart lt {to}&$orderby=PeriodStart,IndicatorId&$top=100";

        public static async Task<ScaleRun> StartAsync(DataScale scale)
        {
            var host = BenchmarkHost.Start(seed: true);
            var generated = Stopwatch.StartNew();
            await using (var scope = host.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(scale, 42, CancellationToken.None);
            generated.Stop();
            // The generator ran in this process: compact its garbage away so that requests are not measured against it.
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();

            // S: the seed's shared services contract in 2015; M and L: a generated contract in the middle, in 2025.
            var (reference, from, to) = scale.Contracts == 0
                ? ("SSO-2012-001", "2015-01-01", "2016-01-01")
                : ($"GEN{scale.Name}42-C{scale.Contracts / 2:D5}", "2025-01-01", "2026-01-01");
            var connection = new SqliteConnection(host.ConnectionString);
            await connection.OpenAsync();
            var contractId = await ScalarAsync(connection, $"SELECT \"Id\" FROM \"Contracts\" WHERE \"Reference\" = '{reference}'");
            var client = await host.SignedInClientAsync(Roles.Councillor);
            return new ScaleRun(host, connection, client, scale, generated.Elapsed, contractId, from, to);
        }

        public async Task PageAsync()
        {
            using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            rows = json.RootElement.GetProperty("value").GetArrayLength();
        }

        public async Task<string> MeasureAsync()
        {
            var returns = await ScalarAsync(connection, "SELECT COUNT(*) FROM \"Measurements\"");
            var page = await Measure.AlternateAsync(Rounds, PerRound, PageAsync, () => BaselineAsync(connection, contractId, from, to));
            // Every contract's returns for one month (a monthly performance report): a date range on its own.
            var month = scale.Contracts == 0 ? "2015-06-01" : "2025-06-01";
            var monthUrl = $"/odata/Measurements?$filter=PeriodStart eq {month}&$orderby=Id&$top=100";
            var oneMonth = await Measure.RepeatAsync(2, 20, async () => (await client.GetAsync(new Uri(monthUrl, UriKind.Relative))).EnsureSuccessStatusCode().Dispose());
            var count = await Measure.RepeatAsync(2, 5, async () => (await client.GetAsync(new Uri("/odata/Measurements/$count", UriKind.Relative))).EnsureSuccessStatusCode().Dispose());
            var apply = await Measure.RepeatAsync(2, 5, async () => (await client.GetAsync(new Uri("/odata/Measurements?$apply=groupby((IndicatorId),aggregate(Value with average as Average))", UriKind.Relative))).EnsureSuccessStatusCode().Dispose());

            return string.Create(CultureInfo.InvariantCulture,
                $"{scale.Name,5} | {returns,9:N0} | {generated.TotalSeconds,6:F1} s | {page.MedianMs,7:F2} ({rows} rows) | {page.BaselineMedianMs,7:F2} | {page.MedianRatio,5:F2}x ({page.LowerQuartileRatio:F2}x to {page.UpperQuartileRatio:F2}x) | {oneMonth.TotalMilliseconds / 20,7:F1} | {count.TotalMilliseconds / 5,7:F1} | {apply.TotalMilliseconds / 5,7:F1}");
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await connection.DisposeAsync();
            await host.DisposeAsync();
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = SqliteBulk.Command(connection, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The page the OData request returns, by hand: the same join, filter, order and limit, with the archival and
    /// exemption predicates EF sends (<see cref="ExemptionSql.MeasurementsWithIndicators"/>), serialized with System.Text.Json.
    /// </summary>
    private static async Task BaselineAsync(SqliteConnection connection, long contractId, string from, string to)
    {
        await using var command = SqliteBulk.Command(connection, $"""
            SELECT {MeasurementPage.Columns}
            FROM "Measurements" AS m JOIN "Indicators" AS i ON i."Id" = m."IndicatorId"
            WHERE i."ContractId" = $contract AND m."PeriodStart" >= $from AND m."PeriodStart" < $to
              AND i."ArchivedAt" IS NULL AND {ExemptionSql.MeasurementsWithIndicators}
            ORDER BY m."PeriodStart", m."IndicatorId", m."Id" LIMIT 100
            """, ("$contract", contractId), ("$from", from), ("$to", to), ("$viewer", ExemptionSql.Viewer), ("$today", ExemptionSql.Today));
        await MeasurementPage.ReadAndWriteAsync(command, 100);
    }
}
