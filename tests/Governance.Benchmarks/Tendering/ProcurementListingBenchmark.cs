using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Benchmarks.Harness;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Governance.Benchmarks.Tendering;

/// <summary>
/// Issue 4: GET /odata/Procurements?$filter=Stage eq 'DetailedSolutions'&amp;$expand=Stages over 10,000 procurements
/// (a page of 100), against the same two queries through ADO.NET and System.Text.Json serialization of the same
/// page, in the same process and run.
/// </summary>
internal static class ProcurementListingBenchmark
{
    private const int Procurements = 10_000;
    private const int Rounds = 51;
    private const int PerRound = 20;
    private static readonly string Url = Environment.GetEnvironmentVariable("BENCH_URL") ?? "/odata/Procurements?$filter=Stage eq 'DetailedSolutions'&$expand=Stages";

    // The same request matching no row: what the request costs before it reads or writes a procurement.
    private const string EmptyUrl = "/odata/Procurements?$filter=Id eq 0&$expand=Stages";

    private static readonly string[] Stages = ["Planning", "SelectionQuestionnaire", "OutlineSolutions", "DetailedSolutions"];

    /// <param name="providers">`sqlite`, `postgres` (on the server GOVERNANCE_TEST_POSTGRES reaches), or both.</param>
    public static async Task RunAsync(TextWriter output, IReadOnlyList<string> providers)
    {
        foreach (var provider in providers)
        {
            if (provider == "postgres")
            {
                var admin = Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES");
                if (string.IsNullOrEmpty(admin))
                {
                    await output.WriteLineAsync("Procurement listing on PostgreSQL: skipped, GOVERNANCE_TEST_POSTGRES is not set");
                    continue;
                }

                await using var host = await BenchmarkHost.StartPostgresAsync(admin);
                await ProcurementListingPostgres.FillAsync(host.ConnectionString, Procurements);
                await using var connection = new NpgsqlConnection(host.ConnectionString);
                await connection.OpenAsync();
                await MeasureAsync(output, host, "PostgreSQL", () => ProcurementListingPostgres.BaselineAsync(connection));
            }
            else
            {
                await using var host = BenchmarkHost.Start();
                await FillAsync(host.ConnectionString);
                await using var connection = new SqliteConnection(host.ConnectionString);
                await connection.OpenAsync();
                await MeasureAsync(output, host, "SQLite", () => BaselineAsync(connection));
            }
        }
    }

    private static async Task MeasureAsync(TextWriter output, BenchmarkHost host, string database, Func<Task<long>> baseline)
    {
        using var client = await host.SignedInClientAsync(Roles.Councillor);
        var odataBytes = 0L;
        var baselineBytes = 0L;
        var result = await Measure.AlternateAsync(Rounds, PerRound,
            async () =>
            {
                using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
                response.EnsureSuccessStatusCode();
                odataBytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            },
            async () => baselineBytes = await baseline());

        var empty = await Measure.AlternateAsync(Rounds, PerRound,
            async () =>
            {
                using var response = await client.GetAsync(new Uri(EmptyUrl, UriKind.Relative));
                response.EnsureSuccessStatusCode();
            },
            baseline);

        await output.WriteLineAsync($"Procurement listing: OData $filter + $expand over 10,000 procurements against the same SQL + System.Text.Json ({database})");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"OData {result.MedianMs:F2} ms/request ({odataBytes} bytes) | baseline {result.BaselineMedianMs:F2} ms/request ({baselineBytes} bytes) | ratio {result.MedianRatio:F2}x (median of {Rounds} alternating rounds of {PerRound}, quartiles {result.LowerQuartileRatio:F2}x to {result.UpperQuartileRatio:F2}x; after {result.WarmUps} warm-up requests of each)"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Fixed cost (the same request matching no procurement): {empty.MedianMs:F2} ms/request | baseline {empty.BaselineMedianMs:F2} ms/request | ratio {empty.MedianRatio:F2}x (quartiles {empty.LowerQuartileRatio:F2}x to {empty.UpperQuartileRatio:F2}x) of the 2x budget"));
    }

    /// <summary>The page OData returns: the first 100 matching procurements by key, each with its stages, as JSON.</summary>
    private static async Task<long> BaselineAsync(SqliteConnection connection)
    {
        var page = new List<ProcurementRow>();
        await using (var command = SqliteBulk.Command(connection, $"""
            SELECT "Id","Reference","Title","Description","DepartmentId","LeadOfficer","LeadMember","Procedure","Stage","EstimatedValue",
                   "ContractNoticeSentOn","ParticipationDeadline","PriceScoringMethod","ShortlistReason","ArchivedAt","Revision",
                   "StartedOn","StandstillEndsAt","StandstillSuspendedAt"
            FROM "Procurements" AS "p" WHERE "ArchivedAt" IS NULL AND "Stage" = 'DetailedSolutions' AND {ExemptionSql.HiddenUnlessEntitled("Procurement", "p")}
            ORDER BY "Id" LIMIT 100
            """, ("$viewer", ExemptionSql.Viewer)))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                page.Add(new ProcurementRow(
                    reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8),
                    reader.GetDecimal(9), reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11), reader.GetString(12),
                    reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetInt64(15),
                    reader.GetString(16), reader.IsDBNull(17) ? null : reader.GetString(17), reader.IsDBNull(18) ? null : reader.GetString(18), []));
            }
        }

        var byId = page.ToDictionary(p => p.Id);
        await using (var stages = SqliteBulk.Command(connection,
            $"""
            SELECT "Id","ProcurementId","Stage","PlannedOn","ActualOn","SubmissionDeadline","Revision","DeadlineChangeReason","SubmissionsOpenedAt","SubmissionsOpenedBy" FROM "ProcurementStageDates" AS "p"
            WHERE "ProcurementId" IN ({string.Join(',', byId.Keys)}) AND {ExemptionSql.HiddenUnlessEntitled("ProcurementStageDate", "p")}
            """, ("$viewer", ExemptionSql.Viewer)))
        await using (var reader = await stages.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                byId[reader.GetInt32(1)].Stages.Add(new StageRow(
                    reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
            }
        }

        using var stream = new MemoryStream();
        await JsonSerializer.SerializeAsync(stream, new { value = page });
        return stream.Length;
    }

    private sealed record ProcurementRow(
        int Id, string Reference, string Title, string? Description, int DepartmentId, string? LeadOfficer, string? LeadMember, string Procedure, string Stage,
        decimal EstimatedValue, string? ContractNoticeSentOn, string? ParticipationDeadline, string PriceScoringMethod, string? ShortlistReason, long Revision,
        string StartedOn, string? StandstillEndsAt, string? StandstillSuspendedAt, List<StageRow> Stages);

    private sealed record StageRow(
        int Id, int ProcurementId, string Stage, string? PlannedOn, string? ActualOn, string? SubmissionDeadline, long Revision,
        string? DeadlineChangeReason, string? SubmissionsOpenedAt, string? SubmissionsOpenedBy);

    private static async Task FillAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await SqliteBulk.ExecuteAsync(connection, """INSERT INTO "Departments" ("Code","Name","Revision") VALUES ('BENCH','Benchmark department',0);""");
        await using var procurement = SqliteBulk.Command(connection, """
            INSERT INTO "Procurements" ("Reference","Title","Description","DepartmentId","LeadOfficer","Procedure","Stage","EstimatedValue","PriceScoringMethod","Revision")
            VALUES ($ref,$title,'A benchmark procurement with a description of ordinary length for a council tender.',1,'Lead officer','CompetitiveDialogue',$stage,'1250000','LowestPriceRelative',0)
            """, ("$ref", ""), ("$title", ""), ("$stage", ""));
        await using var stage = SqliteBulk.Command(connection, """
            INSERT INTO "ProcurementStageDates" ("ProcurementId","Stage","PlannedOn","ActualOn","Revision") VALUES ($id,$stage,$planned,$actual,0)
            """, ("$id", 0), ("$stage", ""), ("$planned", ""), ("$actual", ""));
        for (var i = 1; i <= Procurements; i++)
        {
            var current = i % Stages.Length;
            procurement.Parameters["$ref"].Value = $"BENCH-{i:D5}";
            procurement.Parameters["$title"].Value = $"Benchmark procurement {i}";
            procurement.Parameters["$stage"].Value = Stages[current];
            await procurement.ExecuteNonQueryAsync();
            for (var s = 0; s <= current; s++)
            {
                stage.Parameters["$id"].Value = i;
                stage.Parameters["$stage"].Value = Stages[s];
                stage.Parameters["$planned"].Value = new DateOnly(2025, 1, 6).AddDays(30 * s).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                stage.Parameters["$actual"].Value = new DateOnly(2025, 1, 6).AddDays((30 * s) + (i % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await stage.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }
}
