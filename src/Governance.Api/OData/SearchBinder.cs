using System.Linq.Expressions;
using Governance.Api.Data.Providers;
using Governance.Api.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace Governance.Api.OData;

/// <summary>
/// $search over the text people look things up by (<see cref="Searchable"/>): each term or quoted phrase must be in the
/// record's searchable text; AND, OR, NOT and parentheses combine terms as the protocol says. On SQLite and PostgreSQL
/// it is a full-text search through each one's index (<see cref="SearchIndex"/>: words, stemmed, so "repairs" finds
/// "repair"); on SQL Server a case-insensitive substring search. It is a filter on the set's own query, so the
/// exemption filter and every object-level scope apply to it. Terms are parameters, never SQL text. A set with
/// nothing to search answers 400.
/// </summary>
internal sealed class SearchBinder(DatabaseProvider provider) : ISearchBinder
{
    public Expression BindSearch(SearchClause searchClause, QueryBinderContext context)
    {
        var type = context.ElementClrType;
        if (Searchable.Of(type) is not { } searchable)
        {
            throw new ODataException(
                $"$search is not offered on this set ({type.Name}); it is offered on {string.Join(", ", Searchable.All.Select(s => s.Type.Name).Order(StringComparer.Ordinal))}. Use $filter with contains(), e.g. $filter=contains(Title,'care').");
        }
        var row = Expression.Parameter(type, "e");
        return Expression.Lambda(Bind(searchClause.Expression, row, searchable), row);
    }

    private Expression Bind(SingleValueNode node, ParameterExpression row, Searchable searchable) => node switch
    {
        SearchTermNode term => Term(term.Text, row, searchable),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => Expression.AndAlso(Bind(and.Left, row, searchable), Bind(and.Right, row, searchable)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => Expression.OrElse(Bind(or.Left, row, searchable), Bind(or.Right, row, searchable)),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Expression.Not(Bind(not.Operand, row, searchable)),
        _ => throw new ODataException("$search takes words, \"quoted phrases\", AND, OR, NOT and parentheses."),
    };

    private Expression Term(string text, ParameterExpression row, Searchable searchable)
    {
        // A term without a letter or digit has no words to look for: it matches nothing (FTS5 would refuse it).
        if (!text.Any(char.IsLetterOrDigit))
            return Expression.Constant(false);
        return provider switch
        {
            DatabaseProvider.Sqlite => SqliteTerm(text, row, searchable),
            DatabaseProvider.Postgres => PostgresTerm(text, row, searchable),
            _ => SubstringTerm(text, row, searchable),
        };
    }

    /// <summary><c>e.Id * 16 + slot IN (SELECT rowid FROM "SearchIndex"(@phrase))</c>: the index is asked once per term.</summary>
    private static MethodCallExpression SqliteTerm(string text, ParameterExpression row, Searchable searchable)
    {
        var matching = Expression.Call(typeof(SearchIndex).GetMethod(nameof(SearchIndex.Matching))!, Parameter(SearchIndex.Phrase(text)));
        var hit = Expression.Parameter(typeof(SearchIndexRow), "s");
        var rowIds = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(SearchIndexRow), typeof(long)], matching,
            Expression.Quote(Expression.Lambda(Expression.Property(hit, nameof(SearchIndexRow.RowId)), hit)));
        var rowId = Expression.Add(
            Expression.Multiply(Expression.Convert(Expression.Property(row, "Id"), typeof(long)), Expression.Constant((long)Searchable.Slots)),
            Expression.Constant((long)searchable.Slot));
        return Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(long)], rowIds, rowId);
    }

    /// <summary><c>to_tsvector('english', fields) @@ phraseto_tsquery('english', @term)</c>, the expression each table's GIN index holds.</summary>
    private static MethodCallExpression PostgresTerm(string text, ParameterExpression row, Searchable searchable)
    {
        var functions = Expression.Property(null, typeof(EF).GetProperty(nameof(EF.Functions))!);
        var configuration = Expression.Constant(SearchIndex.Configuration);
        var document = searchable.Fields
            .Select(f => (Expression)Expression.Coalesce(Expression.Property(row, f), Expression.Constant("")))
            .Aggregate((left, right) => Expression.Call(Concat, Expression.Call(Concat, left, Expression.Constant(" ")), right));
        var vector = Expression.Call(typeof(NpgsqlFullTextSearchDbFunctionsExtensions), "ToTsVector", null,
            functions, configuration, document);
        var query = Expression.Call(typeof(NpgsqlFullTextSearchDbFunctionsExtensions), "PhraseToTsQuery", null,
            functions, configuration, Parameter(text));
        return Expression.Call(typeof(NpgsqlFullTextSearchLinqExtensions), "Matches", null, vector, query);
    }

    private static readonly System.Reflection.MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    /// <summary>The term in any of the fields, case aside: <c>field != null &amp;&amp; field.ToLower().Contains(term)</c>.</summary>
    private static Expression SubstringTerm(string text, ParameterExpression row, Searchable searchable)
    {
        var term = Parameter(text.ToLowerInvariant());
        var toLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        return searchable.Fields
            .Select(f => Expression.Property(row, f))
            .Select(field => (Expression)Expression.AndAlso(
                Expression.NotEqual(field, Expression.Constant(null, typeof(string))),
                Expression.Call(Expression.Call(field, toLower), contains, term)))
            .Aggregate(Expression.OrElse);
    }

    /// <summary>EF.Parameter: the value goes to the database as a parameter, never in the SQL text.</summary>
    private static MethodCallExpression Parameter(string value) =>
        Expression.Call(typeof(EF).GetMethod(nameof(EF.Parameter))!.MakeGenericMethod(typeof(string)),
            Expression.Property(Expression.Constant(new SearchTerm(value)), nameof(SearchTerm.Value)));

    private sealed record SearchTerm(string Value);
}
