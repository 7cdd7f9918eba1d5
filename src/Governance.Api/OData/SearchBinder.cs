using System.Linq.Expressions;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Organisation;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace Governance.Api.OData;

/// <summary>
/// $search over the text people look things up by: each term must appear (case aside) in one of the set's searchable
/// fields; AND, OR, NOT and quoted phrases combine as the protocol says. It is a filter on the set's own query, so
/// the exemption filter and every object-level scope apply to it. Terms are parameters, never SQL text. It is a
/// substring search on every database (not a ranked full-text index): good for the thousands of rows a council has,
/// not for documents. A set with nothing to search answers 400.
/// </summary>
internal sealed class SearchBinder : ISearchBinder
{
    public static readonly IReadOnlyDictionary<Type, string[]> Fields = new Dictionary<Type, string[]>
    {
        [typeof(Contract)] = [nameof(Contract.Reference), nameof(Contract.Title), nameof(Contract.Description)],
        [typeof(Procurement)] = [nameof(Procurement.Reference), nameof(Procurement.Title), nameof(Procurement.Description)],
        [typeof(Supplier)] = [nameof(Supplier.Name)],
        [typeof(Department)] = [nameof(Department.Code), nameof(Department.Name)],
        [typeof(Indicator)] = [nameof(Indicator.Code), nameof(Indicator.Name)],
        [typeof(InternalSla)] = [nameof(InternalSla.Title)],
        [typeof(Escalation)] = [nameof(Escalation.Summary)],
        [typeof(AgendaItem)] = [nameof(AgendaItem.Title), nameof(AgendaItem.Recommendations)],
        [typeof(PaperSection)] = [nameof(PaperSection.Subheading), nameof(PaperSection.Body)],
        [typeof(Decision)] = [nameof(Decision.Outcome)],
        [typeof(ForwardPlanEntry)] = [nameof(ForwardPlanEntry.Title)],
        [typeof(ScrutinyQuestion)] = [nameof(ScrutinyQuestion.Question), nameof(ScrutinyQuestion.Answer)],
        [typeof(Consultation)] = [nameof(Consultation.Topic), nameof(Consultation.Response)],
    };

    public Expression BindSearch(SearchClause searchClause, QueryBinderContext context)
    {
        var type = context.ElementClrType;
        if (!Fields.TryGetValue(type, out var fields))
        {
            throw new ODataException(
                $"$search is not offered on this set ({type.Name}); it is offered on {string.Join(", ", Fields.Keys.Select(k => k.Name).Order(StringComparer.Ordinal))}. Use $filter with contains(), e.g. $filter=contains(Title,'care').");
        }
        var row = Expression.Parameter(type, "e");
        return Expression.Lambda(Bind(searchClause.Expression, row, fields), row);
    }

    private static Expression Bind(SingleValueNode node, ParameterExpression row, string[] fields) => node switch
    {
        SearchTermNode term => Term(term.Text, row, fields),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => Expression.AndAlso(Bind(and.Left, row, fields), Bind(and.Right, row, fields)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => Expression.OrElse(Bind(or.Left, row, fields), Bind(or.Right, row, fields)),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Expression.Not(Bind(not.Operand, row, fields)),
        _ => throw new ODataException("$search takes words, \"quoted phrases\", AND, OR, NOT and parentheses."),
    };

    /// <summary>The term in any of the fields, case aside: <c>field != null &amp;&amp; field.ToLower().Contains(term)</c>.</summary>
    private static Expression Term(string text, ParameterExpression row, string[] fields)
    {
        // EF.Parameter: the term goes to the database as a parameter, never in the SQL text.
        var term = Expression.Call(typeof(Microsoft.EntityFrameworkCore.EF).GetMethod(nameof(Microsoft.EntityFrameworkCore.EF.Parameter))!.MakeGenericMethod(typeof(string)),
            Expression.Property(Expression.Constant(new SearchTerm(text.ToLowerInvariant())), nameof(SearchTerm.Lowered)));
        var toLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        return fields
            .Select(f => Expression.Property(row, f))
            .Select(field => (Expression)Expression.AndAlso(
                Expression.NotEqual(field, Expression.Constant(null, typeof(string))),
                Expression.Call(Expression.Call(field, toLower), contains, term)))
            .Aggregate(Expression.OrElse);
    }

    private sealed record SearchTerm(string Lowered);
}
