using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Api.Data;

/// <summary>
/// Inserts many new rows of one entity type on the context's open transaction with one command re-executed per row,
/// its columns, value conversions and parameters taken from the EF model so that every provider stores exactly what
/// EF would. Nothing is tracked and no per-row audit entry is written: the caller records one audited entry for the
/// batch. Used where per-row change tracking would hold the database for minutes (a CSV import).
/// </summary>
internal static class BulkRows
{
    public static async Task InsertAsync<T>(GovernanceDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
            return;
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetInfrastructure().GetRequiredService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties().Where(p => !p.IsPrimaryKey() && p.PropertyInfo is not null).ToList();
        var names = columns.Select((_, i) => sql.GenerateParameterName($"p{i}")).ToList();

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", names)})";
        // Parameters are made once, as EF makes them (type, size, converter), and only their values change per row.
        var mappings = columns.Select(c => (RelationalTypeMapping)c.GetTypeMapping()).ToList();
        var parameters = columns.Select((c, i) => mappings[i].CreateParameter(command, names[i], c.PropertyInfo!.GetValue(rows[0]), c.IsNullable)).ToList();
        command.Parameters.AddRange(parameters.ToArray());
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].PropertyInfo!.GetValue(row);
                parameters[i].Value = (mappings[i].Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
