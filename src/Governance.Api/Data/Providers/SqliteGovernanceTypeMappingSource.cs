using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Api.Data.Providers;

// The provider's type mapping source is pubternal, and replacing it is the only hook for how one store type is
// read. Pinned by the package version and covered by SqliteDateOnlyReadsTests and SqliteDateTimeReadsTests.
#pragma warning disable EF1001

/// <summary>
/// SQLite's type mappings, except that calendar dates and instants are read by <see cref="SqliteDateOnlyReads"/>
/// and <see cref="SqliteDateTimeReads"/>. Registered with ReplaceService for the SQLite provider only.
/// </summary>
internal sealed class SqliteGovernanceTypeMappingSource(
    TypeMappingSourceDependencies dependencies, RelationalTypeMappingSourceDependencies relationalDependencies)
    : SqliteTypeMappingSource(dependencies, relationalDependencies)
{
    protected override RelationalTypeMapping? FindMapping(in RelationalTypeMappingInfo mappingInfo)
    {
        var mapping = base.FindMapping(mappingInfo);
        if (mapping?.GetType() == typeof(SqliteDateOnlyTypeMapping))
            return new SqliteDateOnlyReads(mapping.StoreType, mapping.DbType);
        if (mapping?.GetType() == typeof(SqliteDateTimeTypeMapping))
            return new SqliteDateTimeReads(mapping.StoreType, mapping.DbType);
        return mapping;
    }

    /// <summary>
    /// EF reads a column with `reader.GetXxx(ordinal)`; this reads the same column through <paramref name="read"/>
    /// instead. Null when the expression is not such a read of <paramref name="read"/>'s type.
    /// </summary>
    internal static Expression? ReadThrough<T>(Expression expression, Func<DbDataReader, int, T> read) =>
        expression is MethodCallExpression { Object: { } reader, Arguments: [var ordinal] } && expression.Type == typeof(T)
            ? Expression.Call(read.Method, Expression.Convert(reader, typeof(DbDataReader)), ordinal)
            : null;
}
