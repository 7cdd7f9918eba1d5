using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Api.Data.Providers;

// EF's SQLite provider is extended through its own (pubternal) type mapping source and date mapping: there is no
// public hook for how one store type is read. Both are pinned by the package version and covered by
// SqliteDateOnlyReadsTests.
#pragma warning disable EF1001

/// <summary>
/// SQLite's type mappings, except that calendar dates are read by <see cref="SqliteDateOnlyReads"/>.
/// Registered with ReplaceService for the SQLite provider only.
/// </summary>
internal sealed class SqliteGovernanceTypeMappingSource(
    TypeMappingSourceDependencies dependencies, RelationalTypeMappingSourceDependencies relationalDependencies)
    : SqliteTypeMappingSource(dependencies, relationalDependencies)
{
    protected override RelationalTypeMapping? FindMapping(in RelationalTypeMappingInfo mappingInfo)
    {
        var mapping = base.FindMapping(mappingInfo);
        return mapping?.GetType() == typeof(SqliteDateOnlyTypeMapping)
            ? new SqliteDateOnlyReads(mapping.StoreType, mapping.DbType)
            : mapping;
    }
}

/// <summary>
/// The SQLite date mapping, read faster. EF stores a DateOnly as the text yyyy-MM-dd, and Microsoft.Data.Sqlite reads
/// it back through the culture-aware general date parser: a listing of 400 procurement stages spent a quarter of
/// its loading time there (docs/performance.md). Text in exactly that shape is parsed by position; anything else
/// (another text, a number of days) goes to the provider's own reader, so what is read is unchanged.
/// </summary>
internal sealed class SqliteDateOnlyReads : SqliteDateOnlyTypeMapping
{
    private static readonly MethodInfo ReadMethod = typeof(SqliteDateOnlyReads).GetMethod(nameof(Read), BindingFlags.Public | BindingFlags.Static)!;

    public SqliteDateOnlyReads(string storeType, System.Data.DbType? dbType)
        : base(storeType, dbType)
    {
    }

    private SqliteDateOnlyReads(RelationalTypeMappingParameters parameters)
        : base(parameters)
    {
    }

    protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new SqliteDateOnlyReads(parameters);

    /// <summary>EF builds `reader.GetFieldValue&lt;DateOnly&gt;(ordinal)`; this reads the same column through <see cref="Read"/>.</summary>
    public override Expression CustomizeDataReaderExpression(Expression expression) =>
        expression is MethodCallExpression { Object: { } reader, Arguments: [var ordinal] } && expression.Type == typeof(DateOnly)
            ? Expression.Call(ReadMethod, Expression.Convert(reader, typeof(DbDataReader)), ordinal)
            : base.CustomizeDataReaderExpression(expression);

    public static DateOnly Read(DbDataReader reader, int ordinal) =>
        TryParseIso(reader.GetString(ordinal), out var date)
            ? date
            : reader.GetFieldValue<DateOnly>(ordinal);

    /// <summary>yyyy-MM-dd, digits by position, a real calendar date; false for anything else.</summary>
    internal static bool TryParseIso(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            return false;
        var year = Digits(text, 0, 4);
        var month = Digits(text, 5, 2);
        var day = Digits(text, 8, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    // The number the digits at [start, start + count) spell, or -1 if any is not a digit.
    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
                return -1;
            value = (value * 10) + digit;
        }

        return value;
    }
}
