using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Api.Data.Providers;

// EF's SQLite provider is extended through its own (pubternal) date mapping: there is no public hook for how one
// store type is read. Pinned by the package version and covered by SqliteDateOnlyReadsTests.
#pragma warning disable EF1001

/// <summary>
/// The SQLite date mapping, read faster. EF stores a DateOnly as the text yyyy-MM-dd, and Microsoft.Data.Sqlite reads
/// it back through the culture-aware general date parser: a listing of 400 procurement stages spent a quarter of
/// its loading time there (docs/performance.md). Text in exactly that shape is parsed by position; anything else
/// (another text, a number of days) goes to the provider's own reader, so what is read is unchanged.
/// </summary>
internal sealed class SqliteDateOnlyReads : SqliteDateOnlyTypeMapping
{

    public SqliteDateOnlyReads(string storeType, System.Data.DbType? dbType)
        : base(storeType, dbType)
    {
    }

    private SqliteDateOnlyReads(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new SqliteDateOnlyReads(parameters);

    public override Expression CustomizeDataReaderExpression(Expression expression) =>
        SqliteGovernanceTypeMappingSource.ReadThrough(expression, Read) ?? base.CustomizeDataReaderExpression(expression);

    public static DateOnly Read(DbDataReader reader, int ordinal) =>
        TryParseIso(reader.GetString(ordinal), out var date)
            ? date
            : reader.GetFieldValue<DateOnly>(ordinal);

    /// <summary>yyyy-MM-dd, digits by position, a real calendar date; false for anything else.</summary>
    internal static bool TryParseIso(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || !IsoText.TryReadDate(text, out var year, out var month, out var day))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
