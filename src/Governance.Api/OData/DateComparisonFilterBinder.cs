using System.Linq.Expressions;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Governance.Api.OData;

/// <summary>
/// Compares Edm.Date values (DateOnly) as dates. The package rewrites each side of a date comparison as
/// year * 10000 + month * 100 + day, which the database cannot match to an index: every row of the table is
/// computed and compared. DateOnly comparisons translate directly on SQLite, PostgreSQL and SQL Server, so a
/// range on PeriodStart becomes an index seek. A date literal binds to the OData library's own Date type, so it
/// is read from the parsed query and passed as a DateOnly parameter (a parameter, so that EF reuses the query).
/// </summary>
public sealed class DateComparisonFilterBinder : FilterBinder
{
    public override Expression BindBinaryOperatorNode(BinaryOperatorNode binaryOperatorNode, QueryBinderContext context)
    {
        ArgumentNullException.ThrowIfNull(binaryOperatorNode);
        if (Comparison(binaryOperatorNode.OperatorKind) is { } kind && IsDate(binaryOperatorNode.Left) && IsDate(binaryOperatorNode.Right))
        {
            var left = BindDate(binaryOperatorNode.Left, context);
            var right = BindDate(binaryOperatorNode.Right, context);
            if (Underlying(left.Type) == typeof(DateOnly) && Underlying(right.Type) == typeof(DateOnly))
            {
                if (left.Type != right.Type)
                {
                    left = Nullable(left);
                    right = Nullable(right);
                }
                return Expression.MakeBinary(kind, left, right);
            }
        }
        return base.BindBinaryOperatorNode(binaryOperatorNode, context);
    }

    /// <summary>
    /// "Instant in (2026-01-31, ...)" on a DateTime property: the package hands EF its DateTimeOffset values as a list
    /// for a DateTime column, which EF cannot convert (a 500). Bound instead as equalities with UTC DateTime parameters.
    /// </summary>
    public override Expression BindInNode(InNode inNode, QueryBinderContext context)
    {
        ArgumentNullException.ThrowIfNull(inNode);
        if (inNode.Right is CollectionConstantNode list && Bind(inNode.Left, context) is var left && Underlying(left.Type) == typeof(DateTime))
        {
            Expression any = Expression.Constant(false);
            foreach (var item in list.Collection)
            {
                var value = InstantOf(item.Value) ?? throw new Microsoft.OData.ODataException($"{item.LiteralText} is not a date and time.");
                any = Expression.OrElse(any, Expression.Equal(Nullable(left), Expression.Property(Expression.Constant(new InstantParameter(value)), nameof(InstantParameter.Value))));
            }
            return any;
        }
        return base.BindInNode(inNode, context);
    }

#pragma warning disable CS0618
    private static DateTime? InstantOf(object? value) => value switch
    {
        DateTimeOffset instant => instant.UtcDateTime,
        Date date => new DateTime(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Utc),
        _ => null,
    };
#pragma warning restore CS0618

    /// <summary>A number literal past the range of a double (1e400) would reach SQL as "Infinity": refused as the client's mistake.</summary>
    public override Expression BindConstantNode(ConstantNode constantNode, QueryBinderContext context)
    {
        ArgumentNullException.ThrowIfNull(constantNode);
        if (constantNode.Value is double d && !double.IsFinite(d) || constantNode.Value is float f && !float.IsFinite(f))
            throw new Microsoft.OData.ODataException($"The number {constantNode.LiteralText} is out of range.");
        return base.BindConstantNode(constantNode, context);
    }

    /// <summary>A date property as bound; a date literal as a DateOnly parameter.</summary>
    private Expression BindDate(SingleValueNode node, QueryBinderContext context) =>
        Literal(node) is { } date
            ? Expression.Property(Expression.Constant(new DateParameter(date)), nameof(DateParameter.Value))
            : Bind(node, context);

    // OData.Core 8 still parses a date literal into its own Date type, obsolete in favour of DateOnly from 9.
#pragma warning disable CS0618
    private static DateOnly? Literal(SingleValueNode node) => node switch
    {
        ConstantNode { Value: Date date } => new DateOnly(date.Year, date.Month, date.Day),
        ConvertNode { Source: ConstantNode { Value: Date date } } => new DateOnly(date.Year, date.Month, date.Day),
        _ => null,
    };
#pragma warning restore CS0618

    private static bool IsDate(SingleValueNode node) =>
        node.TypeReference?.Definition is IEdmPrimitiveType { PrimitiveKind: EdmPrimitiveTypeKind.Date };

    private static Type Underlying(Type type) => System.Nullable.GetUnderlyingType(type) ?? type;

    private static Expression Nullable(Expression expression) =>
        System.Nullable.GetUnderlyingType(expression.Type) is null ? Expression.Convert(expression, typeof(Nullable<>).MakeGenericType(expression.Type)) : expression;

    private sealed class InstantParameter(DateTime value)
    {
        public DateTime? Value { get; } = value;
    }

    /// <summary>Holds a literal so that EF reads it as a parameter rather than baking it into the SQL.</summary>
    private sealed class DateParameter(DateOnly value)
    {
        public DateOnly Value { get; } = value;
    }

    private static ExpressionType? Comparison(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equal => ExpressionType.Equal,
        BinaryOperatorKind.NotEqual => ExpressionType.NotEqual,
        BinaryOperatorKind.GreaterThan => ExpressionType.GreaterThan,
        BinaryOperatorKind.GreaterThanOrEqual => ExpressionType.GreaterThanOrEqual,
        BinaryOperatorKind.LessThan => ExpressionType.LessThan,
        BinaryOperatorKind.LessThanOrEqual => ExpressionType.LessThanOrEqual,
        _ => null,
    };
}
