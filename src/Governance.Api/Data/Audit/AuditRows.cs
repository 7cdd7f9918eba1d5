using System.Data.Common;
using System.Text;
using Governance.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Api.Data.Audit;

/// <summary>
/// Writes sealed audit entries in the caller's transaction without tracking them: a timer sweep writes seven entries
/// per fire, and EF would track each and prepare a statement for each. On SQLite (in the process: no round trips)
/// one INSERT is prepared once and run per row; on the servers, multi-row INSERTs save round trips. Columns, names
/// and value conversions come from EF's own model and type mappings, so the rows are exactly what EF would write.
/// </summary>
internal static class AuditRows
{
    // 100 rows of 10 parameters: under SQL Server's 2,100 parameters and 1,000 rows, SQLite's 32,766 and PostgreSQL's 65,535.
    private const int RowsPerStatement = 100;

    public static async Task InsertAsync(GovernanceDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
            return;
        var type = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never || !p.IsPrimaryKey()).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)));
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ";

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.IsSqlite())
        {
            await InsertPreparedAsync(connection, transaction, into, columns, entries, ct);
            return;
        }

        for (var start = 0; start < entries.Count; start += RowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(into);
            var rows = Math.Min(RowsPerStatement, entries.Count - start);
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    var name = $"@a{row}_{column}";
                    text.Append(column == 0 ? name : ", " + name);
                    Add(command, columns[column], name, columns[column].PropertyInfo!.GetValue(entries[start + row]));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task InsertPreparedAsync(
        DbConnection connection, DbTransaction? transaction, string into, List<IProperty> columns, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = into + "(" + string.Join(", ", columns.Select((_, i) => $"@a{i}")) + ")";
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToList();
        for (var column = 0; column < columns.Count; column++)
            Add(command, columns[column], $"@a{column}", columns[column].PropertyInfo!.GetValue(entries[0]));
        await command.PrepareAsync(ct);
        foreach (var entry in entries)
        {
            for (var column = 0; column < columns.Count; column++)
            {
                var value = columns[column].PropertyInfo!.GetValue(entry);
                command.Parameters[column].Value = value is null ? DBNull.Value : mappings[column].Converter?.ConvertToProvider(value) ?? value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Add(DbCommand command, IProperty property, string name, object? value) =>
        command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
}
