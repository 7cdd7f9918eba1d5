using System.Globalization;
using System.Text;
using Governance.Benchmarks.Harness;
using Microsoft.Data.Sqlite;

namespace Governance.Benchmarks.Performance;

/// <summary>
/// Issue 16: a CSV import of 10,000 returns through POST /api/measurements/import (every rule checked, one transaction,
/// slip detection included) against a plain bulk INSERT of the same rows into a fresh copy, in the same run. Values
/// come from a seeded generator so the import meets red, amber and green returns and real slips. Target: within 5x.
/// </summary>
internal static class ImportBenchmark
{
    private const int Kpis = 100;

    public static async Task RunAsync(TextWriter output, int[] rowCounts)
    {
        await output.WriteLineAsync("Import: POST /api/measurements/import against a plain bulk INSERT of the same rows (SQLite)");
        await output.WriteLineAsync("rows | import | bulk INSERT | ratio | import peak heap | slips observed");
        foreach (var rows in rowCounts)
        {
            var random = new Random(16);
            var months = (rows + Kpis - 1) / Kpis;
            // Returns as a contract reports them: mostly on target (90), some amber months, the odd red one.
            var values = Enumerable.Range(0, Kpis * months).Select(_ => Math.Round(Math.Clamp(93m + (decimal)Gaussian(random) * 3m, 60m, 100m), 1)).ToArray();

            await using var imported = BenchmarkHost.Start();
            await FillAsync(imported.ConnectionString, months);
            using var manager = await imported.SignedInClientAsync("ContractManager");
            await WarmUpAsync(manager);
            var csv = Csv(values, rows);
            HttpResponseMessage? response = null;
            var import = await Measure.RunAsync(async () =>
                response = await manager.PostAsync("/api/measurements/import", new StringContent(csv, Encoding.UTF8, "text/csv")));
            if (!response!.IsSuccessStatusCode)
                throw new InvalidOperationException($"Import failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

            await using var baseline = BenchmarkHost.Start();
            await FillAsync(baseline.ConnectionString, months);
            await BulkInsertAsync(baseline.ConnectionString, values, 12, indicatorOffset: Kpis); // the same warm-up on the WARM KPI
            var bulk = await Measure.RunAsync(() => BulkInsertAsync(baseline.ConnectionString, values, rows));

            await using var connection = new SqliteConnection(imported.ConnectionString);
            await connection.OpenAsync();
            await using var count = SqliteBulk.Command(connection, """SELECT count(*) FROM "SlipObservations" """);
            var slips = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{rows,6} | {import.Elapsed.TotalSeconds,6:F2} s | {bulk.Elapsed.TotalSeconds,6:F2} s | {import.Elapsed / bulk.Elapsed,5:F1}x | {Measure.Mb(import.PeakHeapBytes),9} | {slips}"));
        }
    }

    /// <summary>A server in use has run an import before: one small file (on a KPI of its own) so JIT and query caches are warm.</summary>
    private static async Task WarmUpAsync(HttpClient manager)
    {
        var csv = new StringBuilder("contract,indicator,period,value,note\n");
        for (var m = 0; m < 12; m++)
            csv.Append(CultureInfo.InvariantCulture, $"IMPORT-1,WARM,{Period(m)},95,\n");
        using var response = await manager.PostAsync("/api/measurements/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Csv(decimal[] values, int rows)
    {
        var csv = new StringBuilder("contract,indicator,period,value,note\n");
        for (var r = 0; r < rows; r++)
            csv.Append(CultureInfo.InvariantCulture, $"IMPORT-1,K{r % Kpis:D3},{Period(r / Kpis)},{values[r]},\n");
        return csv.ToString();
    }

    private static string Period(int month) => new DateOnly(2018, 1, 1).AddMonths(month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The same rows, stamped as the import stamps them, in one transaction of prepared INSERTs.</summary>
    private static async Task BulkInsertAsync(string connectionString, decimal[] values, int rows, int indicatorOffset = 0)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = SqliteBulk.Command(connection, """
            INSERT INTO "Measurements" ("IndicatorId","PeriodStart","Value","Source","VerificationStatus","RecordedBy","RecordedAt","Version","Superseded","Revision")
            VALUES ($indicator,$period,$value,'ContractManager','Verified','bench','2026-01-01 00:00:00',1,0,0)
            """, ("$indicator", 0), ("$period", ""), ("$value", ""));
        for (var r = 0; r < rows; r++)
        {
            insert.Parameters["$indicator"].Value = indicatorOffset > 0 ? indicatorOffset + 1 : (r % Kpis) + 1;
            insert.Parameters["$period"].Value = Period(indicatorOffset > 0 ? r : r / Kpis);
            insert.Parameters["$value"].Value = values[r].ToString(CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>One active contract from January 2018 with 100 monthly KPIs (target 90, red 80).</summary>
    private static async Task FillAsync(string connectionString, int months)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var end = new DateOnly(2018, 1, 1).AddMonths(months).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await SqliteBulk.ExecuteAsync(connection, $"""
            INSERT INTO "Departments" ("Code","Name","Revision") VALUES ('BENCH','Benchmark department',0);
            INSERT INTO "Suppliers" ("Name","IsSme","IsVcse","Revision") VALUES ('Benchmark supplier',0,0,0);
            INSERT INTO "Contracts" ("Reference","Title","SupplierId","DepartmentId","TotalValue","AnnualValue","Vat","IrrecoverableVat","StartOn","EndOn","Status",
              "ServiceCreditPercentPerRedKpi","ServiceCreditCapPercent","Revision")
            VALUES ('IMPORT-1','Import benchmark contract',1,1,'1000000','200000','0','0','2018-01-01','{end}','Active','0','0',0);
            """);
        await using var indicator = SqliteBulk.Command(connection, """
            INSERT INTO "Indicators" ("ContractId","Code","Name","Unit","Direction","Category","Target","RedThreshold","Frequency","Weight",
              "SupplierSelfReports","ConsecutiveAmberLimit","Revision")
            VALUES (1,$code,'Benchmark KPI','%','HigherIsBetter','Performance','90','80','Monthly','1',0,2,0)
            """, ("$code", ""));
        for (var k = 0; k < Kpis; k++)
        {
            indicator.Parameters["$code"].Value = $"K{k:D3}";
            await indicator.ExecuteNonQueryAsync();
        }

        indicator.Parameters["$code"].Value = "WARM"; // the warm-up's own KPI, after the 100 so their ids stay 1 to 100
        await indicator.ExecuteNonQueryAsync();

        await transaction.CommitAsync();
    }
}
