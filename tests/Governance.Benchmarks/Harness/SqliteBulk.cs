using Microsoft.Data.Sqlite;

namespace Governance.Benchmarks.Harness;

/// <summary>Fast set-up of large datasets: prepared inserts in one transaction, bypassing the API and its audit.</summary>
internal static class SqliteBulk
{
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
