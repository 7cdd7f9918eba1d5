using System.Globalization;
using Governance.Api.Data;
using Governance.Api.Data.Providers;
using Governance.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Data;

/// <summary>
/// SQLite instants are read by position when stored as EF writes them (yyyy-MM-dd HH:mm:ss.FFFFFFF), and by the
/// provider's own reader otherwise: the value and kind read are the ones Microsoft.Data.Sqlite would give.
/// </summary>
public sealed class SqliteDateTimeReadsTests(SqliteApp app)
{
    [Theory]
    [InlineData("'2026-11-25 21:33:33.3942959'")] // as EF writes it
    [InlineData("'2026-11-25 21:33:33.39'")] // trailing zeros of the fraction left out
    [InlineData("'2026-11-25 21:33:33'")] // no fraction at all
    [InlineData("'2024-02-29 00:00:00.0000001'")]
    [InlineData("'0001-01-01 00:00:00'")]
    [InlineData("'9999-12-31 23:59:59.9999999'")]
    [InlineData("'2026-11-25T21:33:33'")] // other texts the provider accepts
    [InlineData("'2026-11-25 21:33:33Z'")]
    [InlineData("'2026-11-25 21:33:33+01:00'")]
    [InlineData("'2026-11-25'")]
    [InlineData("2460681.5")] // a Julian day number
    public void AStoredInstant_ReadsAsTheProviderReadsIt(string stored) =>
        SqliteTypeMappingSourceTests.OnStoredValue(stored, reader =>
        {
            var expected = reader.GetDateTime(0);
            var actual = SqliteDateTimeReads.Read(reader, 0);

            Assert.Equal(expected, actual);
            Assert.Equal(expected.Kind, actual.Kind);
        });

    [Theory]
    [InlineData("2026-11-25 24:00:00")]
    [InlineData("2026-11-25 23:60:00")]
    [InlineData("2026-11-25 23:59:60")]
    [InlineData("2026-02-29 10:00:00")] // not a leap year
    [InlineData("2026-11-25 21:33:33.")]
    [InlineData("2026-11-25 21:33:33.12345678")]
    [InlineData("2026-11-25 21:33:33.1Z")]
    [InlineData("2026-11-25T21:33:33")]
    [InlineData("2026-11-25 21:33:33Z")]
    [InlineData("2026-11-25 21:3a:33")]
    [InlineData("2026-11-25")]
    [InlineData("")]
    public void TextNotAnInstantAsEfWritesIt_IsLeftToTheProvider(string text) =>
        Assert.False(SqliteDateTimeReads.TryParseIso(text, out _));

    [Theory]
    [InlineData("2026-11-25 21:33:33.3942959", 3942959)]
    [InlineData("2026-11-25 21:33:33.39", 3900000)]
    [InlineData("2026-11-25 21:33:33.0000001", 1)]
    [InlineData("2026-11-25 21:33:33", 0)]
    public void AnInstant_ParsesByPosition(string text, long fractionTicks)
    {
        Assert.True(SqliteDateTimeReads.TryParseIso(text, out var value));
        Assert.Equal(new DateTime(2026, 11, 25, 21, 33, 33, DateTimeKind.Unspecified).AddTicks(fractionTicks), value);
    }

    [Fact]
    public async Task InstantsWrittenThroughEf_ReadBackUnchanged_AsUtc()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var ct = TestContext.Current.CancellationToken;

        var stored = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(20).Select(a => new { a.Id, a.OccurredAt }).ToListAsync(ct);
        Assert.NotEmpty(stored);
        foreach (var row in stored)
        {
            var text = await db.Database.SqlQuery<string>($"""SELECT "OccurredAt" AS "Value" FROM "AuditEntries" WHERE "Id" = {row.Id}""").SingleAsync(ct);
            Assert.Equal(text, row.OccurredAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
            Assert.Equal(DateTimeKind.Utc, row.OccurredAt.Kind);
        }
    }
}
