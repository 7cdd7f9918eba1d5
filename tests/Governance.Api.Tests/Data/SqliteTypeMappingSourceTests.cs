using Governance.Api.Data;
using Governance.Api.Data.Providers;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Contracts;
using Governance.Domain.Tendering;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Data;

/// <summary>The host's SQLite type mappings read every calendar date and every instant of its model by position.</summary>
public sealed class SqliteTypeMappingSourceTests(SqliteApp app)
{
    [Theory]
    [InlineData(typeof(DateOnly), typeof(SqliteDateOnlyReads), typeof(ProcurementStageDate), nameof(ProcurementStageDate.PlannedOn))]
    [InlineData(typeof(DateTime), typeof(SqliteDateTimeReads), typeof(Measurement), nameof(Measurement.RecordedAt))]
    public async Task TheHost_ReadsEveryValueOfTheTypeThisWay(Type clrType, Type mapping, Type example, string exampleProperty)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();

        var properties = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == clrType).ToList();

        Assert.NotEmpty(properties);
        Assert.All(properties, p => Assert.IsType(mapping, p.GetRelationalTypeMapping()));
        Assert.Contains(properties, p => p.DeclaringType.ClrType == example && p.Name == exampleProperty);
    }

    /// <summary>Runs <paramref name="check"/> on a reader positioned on the one value `SELECT {stored}` gives.</summary>
    internal static void OnStoredValue(string stored, Action<SqliteDataReader> check)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {stored}";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        check(reader);
    }
}
