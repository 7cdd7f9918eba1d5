using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace Governance.Api.OData.Listing;

/// <summary>
/// The page query of a listing, bound by the package and compiled by EF once per query shape rather than on every
/// request. Binding $filter and $orderby into an expression, and EF's rewriting and hashing of that expression to
/// find its compiled form, were about a tenth of a listing's time in the host (docs/performance.md).
/// <para>
/// The shape is the entity set's source query and the request's own $filter, $orderby, $top and $skip, word for
/// word. Only a source that captures nothing is cached, so a query narrowed to one supplier or one user (the
/// object-level scopes) is bound afresh every time; so is a filter that reads the clock, and a filter with values
/// in it: a compiled query holds its values in its SQL text, and a client's values must reach the database only as
/// parameters (the package's bound query parameterizes them). What a context decides
/// at run time (the exemption filter's reader) stays a parameter of the compiled query, read from the context
/// that runs it. The package binds exactly as it would for the request: its expression is recorded, not rebuilt.
/// </para>
/// </summary>
internal static class ListingPageQueries
{
    private const int MaxShapes = 512;
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<string, Func<DbContext, IEnumerable>>> Compiled = [];
    private static readonly MethodInfo CompileMethod = typeof(ListingPageQueries).GetMethod(nameof(Compile), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly string[] ClockFunctions = ["now(", "mindatetime(", "maxdatetime("];

    /// <summary>A literal in $filter: a quoted string, enum or duration, a number or date, true or false.</summary>
    private static readonly System.Text.RegularExpressions.Regex Literal = new(@"'|\b\d|\b(true|false)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The rows of the page (one more than <paramref name="settings"/>' page size asks for), or null when this query is not cached.</summary>
    public static List<object>? TryRead(IQueryable source, ODataQueryOptions options, ODataQuerySettings settings, DbContext db)
    {
        if (Key(source, options, settings) is not { } key)
            return null;
        var shapes = Compiled.GetOrCreateValue(db.Model);
        if (!shapes.TryGetValue(key, out var query))
        {
            query = Bind(source, options, settings);
            if (shapes.Count >= MaxShapes)
                shapes.Clear(); // bounded: one-off filters must not grow it without end
            shapes[key] = query;
        }

        var rows = new List<object>(settings.PageSize!.Value);
        foreach (var row in query(db))
            rows.Add(row);
        return rows;
    }

    /// <summary>Whether a compiled page query of <paramref name="model"/> has a shape that <paramref name="match"/> accepts (for tests).</summary>
    internal static bool HasShape(IModel model, Func<string, bool> match) =>
        Compiled.TryGetValue(model, out var shapes) && shapes.Keys.Any(match);

    private static string? Key(IQueryable source, ODataQueryOptions options, ODataQuerySettings settings)
    {
        var filter = options.RawValues.Filter;
        if (filter is not null && (ClockFunctions.Any(f => filter.Contains(f, StringComparison.OrdinalIgnoreCase)) || Literal.IsMatch(filter)))
            return null;
        if (!CapturesNothing.Check(source.Expression))
            return null;
        return string.Join('\n', source.ElementType.FullName, source.Expression.ToString(), settings.PageSize, settings.EnsureStableOrdering,
            settings.HandleNullPropagation, filter, options.RawValues.OrderBy, options.RawValues.Top, options.RawValues.Skip);
    }

    /// <summary>The package's own expression for this request, recorded instead of run, then compiled.</summary>
    private static Func<DbContext, IEnumerable> Bind(IQueryable source, ODataQueryOptions options, ODataQuerySettings settings)
    {
        var recorder = new RecordingProvider();
        options.ApplyTo(recorder.CreateQuery(source.Expression), settings, AllowedQueryOptions.Select | AllowedQueryOptions.Expand | AllowedQueryOptions.Count);
        var expression = recorder.Recorded ?? throw new InvalidOperationException("The package did not run the page query it bound.");
        return (Func<DbContext, IEnumerable>)CompileMethod.MakeGenericMethod(source.ElementType).Invoke(null, [expression])!;
    }

    private static Func<DbContext, IEnumerable> Compile<T>(Expression expression)
    {
        if (!typeof(IQueryable<T>).IsAssignableFrom(expression.Type))
            throw new InvalidOperationException($"The package bound a page query of {expression.Type}, not of {typeof(T)}.");
        var context = Expression.Parameter(typeof(DbContext), "context");
        var query = EF.CompileQuery(Expression.Lambda<Func<DbContext, IQueryable<T>>>(expression, context));
        return db => query(db);
    }

    /// <summary>True when the expression holds no value of its own: only query roots, lambdas and their parameters.</summary>
    private sealed class CapturesNothing : ExpressionVisitor
    {
        private static readonly HashSet<Type?> QueryOperators = [typeof(Queryable), typeof(Enumerable), typeof(EntityFrameworkQueryableExtensions), typeof(EF)];

        private bool captures;

        public static bool Check(Expression expression)
        {
            var visitor = new CapturesNothing();
            visitor.Visit(expression);
            return !visitor.captures;
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            captures = true;
            return node;
        }

        protected override Expression VisitExtension(Expression node) =>
            node is QueryRootExpression ? node : Captured(node);

        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression is null ? Captured(node) : base.VisitMember(node); // a static field or property

        // A static method other than a query operator may give a different value each time (the clock, a new id).
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Object is null && !QueryOperators.Contains(node.Method.DeclaringType) ? Captured(node) : base.VisitMethodCall(node);

        private Expression Captured(Expression node)
        {
            captures = true;
            return node;
        }
    }

    /// <summary>A query provider that keeps the expression it is asked to run and returns no rows.</summary>
    private sealed class RecordingProvider : IQueryProvider
    {
        public Expression? Recorded { get; private set; }

        public IQueryable CreateQuery(Expression expression) =>
            (IQueryable)Activator.CreateInstance(typeof(Recording<>).MakeGenericType(ElementType(expression.Type)), this, expression)!;

        public IQueryable<TElement> CreateQuery<TElement>(Expression expression) => new Recording<TElement>(this, expression);

        public object? Execute(Expression expression) => throw new NotSupportedException("A listing's page query is enumerated, not executed.");

        public TResult Execute<TResult>(Expression expression) => throw new NotSupportedException("A listing's page query is enumerated, not executed.");

        internal void Record(Expression expression) => Recorded = expression;

        private static Type ElementType(Type sequence) =>
            sequence.GetInterfaces().Append(sequence)
                .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
    }

    private sealed class Recording<T>(RecordingProvider provider, Expression expression) : IOrderedQueryable<T>
    {
        public Type ElementType => typeof(T);

        public Expression Expression => expression;

        public IQueryProvider Provider => provider;

        public IEnumerator<T> GetEnumerator()
        {
            provider.Record(expression);
            return Enumerable.Empty<T>().GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
