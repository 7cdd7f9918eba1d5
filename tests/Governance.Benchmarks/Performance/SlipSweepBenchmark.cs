using System.Globalization;
using Governance.Api.Features.Performance;
using Governance.Benchmarks.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Benchmarks.Performance;

/// <summary>
/// Issue 5: the slip-detection sweep over contracts x 10 KPIs x 60 months against one set-based SQL query finding
/// the same red, consecutive-amber and worsening slips, in the same run; then the sweep again, which must create
/// nothing.
/// </summary>
internal static class SlipSweepBenchmark
{
    private const int Kpis = 10;
    private const int Months = 60;

    public static async Task RunAsync(TextWriter output, int[] contractCounts)
    {
        await output.WriteLineAsync("Slip sweep: SlipDetectionJob against one set-based SQL query (SQLite), 10 KPIs x 60 months per contract");
        await output.WriteLineAsync("contracts | measurements | sweep | SQL | ratio | sweep peak heap | slips (sweep/SQL) | second sweep");
        foreach (var contracts in contractCounts)
        {
            await using var host = BenchmarkHost.Start();
            await FillAsync(host.ConnectionString, contracts);
            var observed = 0;
            var sweep = await Measure.RunAsync(async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                observed = await scope.ServiceProvider.GetRequiredService<SlipDetectionJob>().RunAsync(CancellationToken.None);
            });
            var found = 0;
            var sql = await Measure.RunAsync(async () => found = await SetBasedAsync(host.ConnectionString));
            int again;
            await using (var scope = host.Services.CreateAsyncScope())
                again = await scope.ServiceProvider.GetRequiredService<SlipDetectionJob>().RunAsync(CancellationToken.None);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{contracts,9} | {contracts * Kpis * Months,12} | {sweep.Elapsed.TotalSeconds,6:F1} s | {sql.Elapsed.TotalMilliseconds,6:F0} ms | {sweep.Elapsed / sql.Elapsed,6:F0}x | {Measure.Mb(sweep.PeakHeapBytes),9} | {observed}/{found} | {again} new"));
        }
    }

    /// <summary>
    /// Indicators whose latest period is red, below target twice running, or worse three times running. (The sweep now
    /// examines every period and owed gaps, so its count is the larger: this query stays the old latest-period baseline.)
    /// </summary>
    private static async Task<int> SetBasedAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = SqliteBulk.Command(connection, """
            WITH ranked AS (
                SELECT "IndicatorId", CAST("Value" AS REAL) AS v, ROW_NUMBER() OVER (PARTITION BY "IndicatorId" ORDER BY "PeriodStart" DESC) AS rn
                FROM "Measurements" WHERE "Superseded" = 0),
            latest AS (
                SELECT r1."IndicatorId" AS id, r1.v AS v1, r2.v AS v2, r3.v AS v3, r4.v AS v4
                FROM ranked r1
                LEFT JOIN ranked r2 ON r2."IndicatorId" = r1."IndicatorId" AND r2.rn = 2
                LEFT JOIN ranked r3 ON r3."IndicatorId" = r1."IndicatorId" AND r3.rn = 3
                LEFT JOIN ranked r4 ON r4."IndicatorId" = r1."IndicatorId" AND r4.rn = 4
                WHERE r1.rn = 1)
            SELECT
              (SELECT count(*) FROM latest l JOIN "Indicators" i ON i."Id" = l.id WHERE l.v1 <= CAST(i."RedThreshold" AS REAL))
            + (SELECT count(*) FROM latest l JOIN "Indicators" i ON i."Id" = l.id
                 WHERE l.v1 < CAST(i."Target" AS REAL) AND l.v1 > CAST(i."RedThreshold" AS REAL)
                   AND l.v2 < CAST(i."Target" AS REAL) AND l.v2 > CAST(i."RedThreshold" AS REAL))
            + (SELECT count(*) FROM latest l WHERE l.v1 < l.v2 AND l.v2 < l.v3 AND l.v3 < l.v4)
            """);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Contracts with 10 KPIs and 60 monthly returns each, up to last month; one contract in ten slipping.</summary>
    private static async Task FillAsync(string connectionString, int contracts)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await SqliteBulk.ExecuteAsync(connection, """
            INSERT INTO "Departments" ("Code","Name","Revision") VALUES ('BENCH','Benchmark department',0);
            INSERT INTO "Suppliers" ("Name","IsSme","IsVcse","Revision") VALUES ('Benchmark supplier',0,0,0);
            """);
        await using var contract = SqliteBulk.Command(connection, """
            INSERT INTO "Contracts" ("Reference","Title","SupplierId","DepartmentId","TotalValue","AnnualValue","Vat","IrrecoverableVat","StartOn","EndOn","Status",
              "ServiceCreditPercentPerRedKpi","ServiceCreditCapPercent","Revision")
            VALUES ($ref,'Benchmark contract',1,1,'1000000','200000','0','0','2021-01-01','2030-12-31','Active','0','0',0)
            """, ("$ref", ""));
        await using var indicator = SqliteBulk.Command(connection, """
            INSERT INTO "Indicators" ("ContractId","Code","Name","Unit","Direction","Category","Target","RedThreshold","Frequency","Weight",
              "SupplierSelfReports","ConsecutiveAmberLimit","Revision")
            VALUES ($contract,$code,'Benchmark KPI','%','HigherIsBetter','Performance','95','85','Monthly','10',0,2,0)
            """, ("$contract", 0), ("$code", ""));
        await using var measurement = SqliteBulk.Command(connection, """
            INSERT INTO "Measurements" ("IndicatorId","PeriodStart","Value","Source","VerificationStatus","RecordedBy","RecordedAt","Version","Superseded","Revision")
            VALUES ($indicator,$period,$value,'ContractManager','Verified','bench','2026-01-01 00:00:00',1,0,0)
            """, ("$indicator", 0), ("$period", ""), ("$value", ""));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-Months);
        var indicatorId = 0;
        for (var c = 1; c <= contracts; c++)
        {
            contract.Parameters["$ref"].Value = $"BENCH-{c:D5}";
            await contract.ExecuteNonQueryAsync();
            for (var k = 0; k < Kpis; k++)
            {
                indicator.Parameters["$contract"].Value = c;
                indicator.Parameters["$code"].Value = $"K{k}";
                await indicator.ExecuteNonQueryAsync();
                indicatorId++;
                var slipping = c % 10 == 0 && k == 0;
                for (var m = 0; m < Months; m++)
                {
                    var value = slipping && m >= Months - 4 ? 92m - ((m - (Months - 4)) * 2.5m) : 96m + ((m + k) % 3);
                    measurement.Parameters["$indicator"].Value = indicatorId;
                    measurement.Parameters["$period"].Value = first.AddMonths(m).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    measurement.Parameters["$value"].Value = value.ToString(CultureInfo.InvariantCulture);
                    await measurement.ExecuteNonQueryAsync();
                }
            }
        }

        await transaction.CommitAsync();
    }
}
