using Governance.Api.Data;
using Governance.Api.Data.Providers;
using Governance.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Data;

/// <summary>
/// SQLite calendar dates are read by position when stored as EF writes them (yyyy-MM-dd), and by the provider's
/// own reader otherwise: the value read is the one Microsoft.Data.Sqlite would give, whatever the stored form.
/// </summary>
public sealed class SqliteDateOnlyReadsTests(SqliteApp app)
{
    [Theory]
    [InlineData("'2025-01-06'")] // as EF writes it
    [InlineData("'2024-02-29'")] // a leap day
    [InlineData("'0001-01-01'")]
    [InlineData("'9999-12-31'")]
    [InlineData("'01/06/2025'")] // another text the provider accepts
    [InlineData("'2025-1-6'")]
    [InlineData("2460681.5")] // a Julian day number
    public void AStoredDate_ReadsAsTheProviderReadsIt(string stored) =>
        SqliteTypeMappingSourceTests.OnStoredValue(stored, reader => Assert.Equal(reader.GetFieldValue<DateOnly>(0), SqliteDateOnlyReads.Read(reader, 0)));

    [Theory]
    [InlineData("2025-02-29")] // not a leap year
    [InlineData("2025-13-01")]
    [InlineData("2025-00-10")]
    [InlineData("2025-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("2025/01/06")]
    [InlineData("2025-01-0x")]
    [InlineData("2025-01-061")]
    [InlineData("")]
    public void TextNotACalendarDate_IsLeftToTheProvider(string text) =>
        Assert.False(SqliteDateOnlyReads.TryParseIso(text, out _));

    [Fact]
    public void AnIsoDate_ParsesByPosition()
    {
        Assert.True(SqliteDateOnlyReads.TryParseIso("2026-11-25", out var date));
        Assert.Equal(new DateOnly(2026, 11, 25), date);
    }

    [Fact]
    public async Task DatesWrittenThroughEf_ReadBackUnchanged()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var ct = TestContext.Current.CancellationToken;

        var stored = await db.ProcurementStageDates.AsNoTracking().Where(s => s.PlannedOn != null).Take(20)
            .Select(s => new { s.Id, s.PlannedOn }).ToListAsync(ct);
        Assert.NotEmpty(stored);
        foreach (var row in stored)
        {
            var text = await db.Database.SqlQuery<string>($"""SELECT "PlannedOn" AS "Value" FROM "ProcurementStageDates" WHERE "Id" = {row.Id}""").SingleAsync(ct);
            Assert.Equal(text, row.PlannedOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
