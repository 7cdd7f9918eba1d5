using System.Text.Json;
using Governance.Benchmarks.Harness;
using Npgsql;

namespace Governance.Benchmarks.Tendering;

/// <summary>
/// The listing benchmark's data and baseline on PostgreSQL: the same 10,000 procurements and their stages, and the
/// two queries EF writes for PostgreSQL (the page's stages by `= ANY` of an array) read through Npgsql and written
/// with System.Text.Json.
/// </summary>
internal static class ProcurementListingPostgres
{
    public static async Task FillAsync(string connectionString, int procurements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO "Departments" ("Code","Name","Revision") VALUES ('BENCH','Benchmark department',0);
            INSERT INTO "Procurements" ("Reference","Title","Description","DepartmentId","LeadOfficer","Procedure","Stage","EstimatedValue","PriceScoringMethod","Revision")
            SELECT 'BENCH-' || lpad(i::text, 5, '0'), 'Benchmark procurement ' || i,
                   'A benchmark procurement with a description of ordinary length for a council tender.', 1, 'Lead officer', 'CompetitiveDialogue',
                   (ARRAY['Planning','SelectionQuestionnaire','OutlineSolutions','DetailedSolutions'])[i % 4 + 1], 1250000, 'LowestPriceRelative', 0
            FROM generate_series(1, @count) AS i ORDER BY i;
            INSERT INTO "ProcurementStageDates" ("ProcurementId","Stage","PlannedOn","ActualOn","Revision")
            SELECT i, (ARRAY['Planning','SelectionQuestionnaire','OutlineSolutions','DetailedSolutions'])[s + 1],
                   DATE '2025-01-06' + 30 * s, DATE '2025-01-06' + 30 * s + i % 7, 0
            FROM generate_series(1, @count) AS i, generate_series(0, 3) AS s WHERE s <= i % 4 ORDER BY i, s;
            ANALYZE "Procurements"; ANALYZE "ProcurementStageDates";
            """, connection, transaction);
        command.Parameters.AddWithValue("count", procurements);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>The page OData returns: the first 100 matching procurements by key, each with its stages, as JSON.</summary>
    public static async Task<long> BaselineAsync(NpgsqlConnection connection)
    {
        var page = new List<ProcurementRow>();
        await using (var command = new NpgsqlCommand($"""
            SELECT "Id","Reference","Title","Description","DepartmentId","LeadOfficer","LeadMember","Procedure","Stage","EstimatedValue",
                   "ContractNoticeSentOn","ParticipationDeadline","PriceScoringMethod","ShortlistReason","ArchivedAt","Revision",
                   "StartedOn","StandstillEndsAt","StandstillSuspendedAt"
            FROM "Procurements" AS "p" WHERE "ArchivedAt" IS NULL AND "Stage" = 'DetailedSolutions' AND {ExemptionSql.HiddenUnlessEntitled("Procurement", "p", "@viewer")}
            ORDER BY "Id" LIMIT 100
            """, connection))
        {
            command.Parameters.AddWithValue("viewer", ExemptionSql.Viewer);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                page.Add(new ProcurementRow(
                    reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8),
                    reader.GetDecimal(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateOnly>(10), reader.IsDBNull(11) ? null : reader.GetFieldValue<DateOnly>(11),
                    reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetInt64(15),
                    reader.GetFieldValue<DateOnly>(16), reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTime>(17), reader.IsDBNull(18) ? null : reader.GetFieldValue<DateTime>(18), []));
            }
        }

        var byId = page.ToDictionary(p => p.Id);
        await using (var stages = new NpgsqlCommand($"""
            SELECT "Id","ProcurementId","Stage","PlannedOn","ActualOn","SubmissionDeadline","Revision","DeadlineChangeReason","SubmissionsOpenedAt","SubmissionsOpenedBy" FROM "ProcurementStageDates" AS "p"
            WHERE "ProcurementId" = ANY (@ids) AND {ExemptionSql.HiddenUnlessEntitled("ProcurementStageDate", "p", "@viewer")}
            """, connection))
        {
            stages.Parameters.AddWithValue("ids", byId.Keys.ToArray());
            stages.Parameters.AddWithValue("viewer", ExemptionSql.Viewer);
            await using var reader = await stages.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                byId[reader.GetInt32(1)].Stages.Add(new StageRow(
                    reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTime>(5), reader.GetInt64(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTime>(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
            }
        }

        using var stream = new MemoryStream();
        await JsonSerializer.SerializeAsync(stream, new { value = page });
        return stream.Length;
    }

    private sealed record ProcurementRow(
        int Id, string Reference, string Title, string? Description, int DepartmentId, string? LeadOfficer, string? LeadMember, string Procedure, string Stage,
        decimal EstimatedValue, DateOnly? ContractNoticeSentOn, DateOnly? ParticipationDeadline, string PriceScoringMethod, string? ShortlistReason, long Revision,
        DateOnly StartedOn, DateTime? StandstillEndsAt, DateTime? StandstillSuspendedAt, List<StageRow> Stages);

    private sealed record StageRow(
        int Id, int ProcurementId, string Stage, DateOnly? PlannedOn, DateOnly? ActualOn, DateTime? SubmissionDeadline, long Revision,
        string? DeadlineChangeReason, DateTime? SubmissionsOpenedAt, string? SubmissionsOpenedBy);
}
