using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Governance.Benchmarks.Harness;

/// <summary>
/// A page of KPI returns read by hand from the SELECT list every listing baseline uses (the columns the OData answer
/// carries, in its order) and written with System.Text.Json: the work a baseline does besides its SQL.
/// </summary>
internal static class MeasurementPage
{
    public const string Columns = """
        m."Id", m."IndicatorId", m."PeriodStart", m."Value", m."Note", m."Source", m."VerificationStatus", m."RecordedBy", m."RecordedAt",
        m."Version", m."SupersedesId", m."Superseded", m."VerifiedBy", m."VerifiedAt", m."DisputeReason", m."Revision"
        """;

    /// <summary>Reads the page the command selects (<see cref="Columns"/>), serializes it, and gives its row ids.</summary>
    public static async Task<List<int>> ReadAndWriteAsync(SqliteCommand command, int capacity)
    {
        var page = new List<Row>(capacity);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                page.Add(new Row(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetDecimal(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetInt32(10),
                    reader.GetBoolean(11), reader.IsDBNull(12) ? null : reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetString(13),
                    reader.IsDBNull(14) ? null : reader.GetString(14), reader.GetInt64(15)));
            }
        }

        using var stream = new MemoryStream();
        await JsonSerializer.SerializeAsync(stream, new { value = page });
        return [.. page.Select(r => r.Id)];
    }

    private sealed record Row(
        int Id, int IndicatorId, string PeriodStart, decimal Value, string? Note, string Source, string VerificationStatus, string RecordedBy, string RecordedAt,
        int Version, int? SupersedesId, bool Superseded, string? VerifiedBy, string? VerifiedAt, string? DisputeReason, long Revision);
}
