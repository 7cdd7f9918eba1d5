using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Api.Data.Providers;

// EF's SQLite provider is extended through its own (pubternal) date and time mapping: there is no public hook for
// how one store type is read. Pinned by the package version and covered by SqliteDateTimeReadsTests.
#pragma warning disable EF1001

/// <summary>
/// The SQLite date-and-time mapping, read faster. EF stores an instant as the text yyyy-MM-dd HH:mm:ss with up to
/// seven digits of fraction, and Microsoft.Data.Sqlite reads it back through the culture-aware general date parser:
/// a page of 100 KPI returns spent a fifth of its loading time there (docs/performance.md). Text in exactly that
/// shape is parsed by position; anything else (a 'T', an offset, a Julian day number) goes to the provider's own
/// reader, so what is read is unchanged.
/// </summary>
internal sealed class SqliteDateTimeReads : SqliteDateTimeTypeMapping
{
    private const int NoFraction = 19; // yyyy-MM-dd HH:mm:ss
    private static readonly long[] FractionUnitTicks = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1]; // by how many digits the fraction has

    public SqliteDateTimeReads(string storeType, System.Data.DbType? dbType)
        : base(storeType, dbType)
    {
    }

    private SqliteDateTimeReads(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new SqliteDateTimeReads(parameters);

    public override Expression CustomizeDataReaderExpression(Expression expression) =>
        SqliteGovernanceTypeMappingSource.ReadThrough(expression, Read) ?? base.CustomizeDataReaderExpression(expression);

    public static DateTime Read(DbDataReader reader, int ordinal) =>
        TryParseIso(reader.GetString(ordinal), out var value)
            ? value
            : reader.GetDateTime(ordinal);

    /// <summary>
    /// yyyy-MM-dd HH:mm:ss, then nothing or a point and one to seven digits, a real date and time; false for anything
    /// else. The kind is unspecified, as the provider's parse of the same text gives.
    /// </summary>
    internal static bool TryParseIso(string text, out DateTime value)
    {
        value = default;
        if (text.Length < NoFraction || text.Length == NoFraction + 1 || text.Length > NoFraction + 8
            || text[10] != ' ' || text[13] != ':' || text[16] != ':' || (text.Length > NoFraction && text[NoFraction] != '.')
            || !IsoText.TryReadDate(text, out var year, out var month, out var day))
            return false;
        var hour = IsoText.Digits(text, 11, 2);
        var minute = IsoText.Digits(text, 14, 2);
        var second = IsoText.Digits(text, 17, 2);
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
            return false;

        var ticks = 0L;
        if (text.Length > NoFraction)
        {
            var digits = text.Length - NoFraction - 1;
            var fraction = IsoText.Digits(text, NoFraction + 1, digits);
            if (fraction < 0)
                return false;
            ticks = fraction * FractionUnitTicks[digits - 1];
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        return true;
    }
}
