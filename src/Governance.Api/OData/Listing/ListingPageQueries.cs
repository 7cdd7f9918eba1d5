using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Governance.Api.OData.Shapes;
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
/// The shape is the entity set's source query and the request's own $filter and $orderby with their values taken out
/// (<see cref="QueryShape"/>), and whether it has a $skip and a $top within the page: a contract id, a date or a page
/// never seen before finds the same compiled query as one seen before, and its values reach the database only as
/// parameters. The package's binding is recorded for the first request of a shape, and each value it bound (the
/// package's own parameter containers) becomes a parameter of the compiled query; the shape is kept only when the
/// values read from the request's text are exactly those the package bound, in order, so a later request's values
/// (read from its text the same way) mean what the package would have made of them. Only a source that captures
/// nothing is cached, so a query narrowed to one supplier or one user (the object-level scopes) is bound afresh every
/// time; so is a filter that reads the clock. What a context decides at run time (the exemption filter's reader)
/// stays a parameter of the compiled query, read from the context that runs it.
/// </para>
/// </summary>
internal static class ListingPageQueries
{
    public const int MaxShapes = 512;
    private static readonly ConditionalWeakTable<IModel, LruCache<string, PageShape>> Compiled = [];
    private static readonly MethodInfo CompileMethod = typeof(ListingPageQueries).GetMethod(nameof(Compile), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly string[] ClockFunctions = ["now(", "mindatetime(", "maxdatetime("];

    /// <summary>A compiled page query and the types of its parameters; no query when the shape cannot be reused.</summary>
    private sealed record PageShape(Type[] Types, Func<DbContext, object?[], IEnumerable>? Query);

    /// <summary>The rows of the page (one more than <paramref name="settings"/>' page size asks for), or null when this query is not cached.</summary>
    public static List<object>? TryRead(IQueryable source, ODataQueryOptions options, ODataQuerySettings settings, DbContext db)
    {
        var filter = options.RawValues.Filter;
        if (filter is not null && ClockFunctions.Any(f => filter.Contains(f, StringComparison.OrdinalIgnoreCase)))
            return null;
        if (!CapturesNothing.Check(source.Expression))
            return null;

        var pageSize = settings.PageSize!.Value;
        var skip = options.Skip?.Value;
        var top = options.Top?.Value;
        var literals = new List<QueryLiteral>();
        var key = new StringBuilder().AppendJoin('\n', source.ElementType.FullName, source.Expression.ToString(), pageSize, settings.EnsureStableOrdering, settings.HandleNullPropagation).Append('\n');
        QueryShape.Split(filter, key, literals);
        key.Append('\n');
        QueryShape.Split(options.RawValues.OrderBy, key, literals);
        key.Append('\n').Append(skip switch { null => "", 0 => "skip 0", _ => "skip" }).Append(top switch { null => "", _ when top <= pageSize => " top within", _ => " top beyond" });
        // The package limits a page to one row more than its size, to tell whether another page follows.
        object?[] counts = [.. new int?[] { skip, top, pageSize + 1 }.Where(v => v is not null).Select(v => (object?)v!.Value)];

        var shapes = Compiled.GetValue(db.Model, _ => new LruCache<string, PageShape>(MaxShapes));
        var shapeKey = key.ToString();
        if (!shapes.TryGet(shapeKey, out var shape))
        {
            shape = Bind(source, options, settings, literals, counts);
            shapes.Set(shapeKey, shape);
        }

        if (shape.Query is null || Arguments(shape.Types, literals, counts) is not { } arguments)
            return null;
        var rows = new List<object>(pageSize);
        foreach (var row in shape.Query(db, arguments))
            rows.Add(row);
        return rows;
    }

    /// <summary>Whether a compiled page query of <paramref name="model"/> has a shape that <paramref name="match"/> accepts (for tests).</summary>
    internal static bool HasShape(IModel model, Func<string, bool> match) =>
        Compiled.TryGetValue(model, out var shapes) && shapes.Keys().Any(k => shapes.TryGet(k, out var s) && s.Query is not null && match(k));

    /// <summary>The values of this request for a shape's parameters, or null when its text does not give them.</summary>
    private static object?[]? Arguments(Type[] types, List<QueryLiteral> literals, object?[] counts)
    {
        if (types.Length != literals.Count + counts.Length)
            return null;
        var arguments = new object?[types.Length];
        for (var i = 0; i < literals.Count; i++)
        {
            if (!QueryShape.TryConvert(literals[i], types[i], out arguments[i]))
                return null;
        }

        counts.CopyTo(arguments, literals.Count);
        return arguments;
    }

    /// <summary>The package's own expression for this request, recorded instead of run, then compiled with its values as parameters.</summary>
    private static PageShape Bind(IQueryable source, ODataQueryOptions options, ODataQuerySettings settings, List<QueryLiteral> literals, object?[] counts)
    {
        var recorder = new RecordingProvider();
        options.ApplyTo(recorder.CreateQuery(source.Expression), settings, AllowedQueryOptions.Select | AllowedQueryOptions.Expand | AllowedQueryOptions.Count);
        var expression = recorder.Recorded ?? throw new InvalidOperationException("The package did not run the page query it bound.");
        var parameters = new Parameterizer();
        var body = parameters.Visit(expression);
        var types = parameters.Parameters.Select(p => p.Type).ToArray();
        // Reused only when this request's text, read as a later request's will be, gives exactly what the package bound.
        if (parameters.Refused || Arguments(types, literals, counts) is not { } read || !read.Zip(parameters.Values).All(p => QueryShape.Identical(p.First, p.Second)))
            return new PageShape(types, null);
        var query = (Func<DbContext, object?[], IEnumerable>)CompileMethod.MakeGenericMethod(source.ElementType).Invoke(null, [body, parameters.Parameters])!;
        return new PageShape(types, query);
    }

    /// <summary>
    /// EF compiles a query whose values are the lambda's own parameters (one each, of their own type; at most 15), and
    /// the array of this request's values is spread onto them.
    /// </summary>
    private static Func<DbContext, object?[], IEnumerable> Compile<T>(Expression expression, IReadOnlyList<ParameterExpression> parameters)
    {
        if (!typeof(IQueryable<T>).IsAssignableFrom(expression.Type))
            throw new InvalidOperationException($"The package bound a page query of {expression.Type}, not of {typeof(T)}.");
        var context = Expression.Parameter(typeof(DbContext), "context");
        var lambda = Expression.Lambda(expression, [context, .. parameters]);
        var compile = CompileQueryOverloads[parameters.Count].MakeGenericMethod([typeof(DbContext), .. parameters.Select(p => p.Type), typeof(T)]);
        var compiled = (Delegate)compile.Invoke(null, [lambda])!;

        var db = Expression.Parameter(typeof(DbContext), "db");
        var values = Expression.Parameter(typeof(object[]), "values");
        var call = Expression.Invoke(Expression.Constant(compiled), [db, .. parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), p.Type))]);
        return Expression.Lambda<Func<DbContext, object?[], IEnumerable>>(Expression.Convert(call, typeof(IEnumerable)), db, values).Compile();
    }

    /// <summary>EF.CompileQuery for a query of IQueryable, by the number of parameters after the context (0 to 15).</summary>
    private static readonly MethodInfo[] CompileQueryOverloads = [.. Enumerable.Range(0, MaxParameters + 1).Select(n => typeof(EF).GetMethods()
        .Single(m => m.Name == nameof(EF.CompileQuery) && m.GetGenericArguments().Length == n + 2
            && m.GetParameters()[0].ParameterType.GetGenericArguments()[0].GetGenericArguments()[^1] is { IsGenericType: true } result
            && result.GetGenericTypeDefinition() == typeof(IQueryable<>)))];

    private const int MaxParameters = 15;

    /// <summary>
    /// Replaces each value the package bound (a member of a constant holder: its parameter containers, the date
    /// binder's parameter) by an element of the compiled query's argument array; any other constant but null makes
    /// the shape not reusable.
    /// </summary>
    private sealed class Parameterizer : ExpressionVisitor
    {
        public List<ParameterExpression> Parameters { get; } = [];

        public List<object?> Values { get; } = [];

        public bool Refused { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is not ConstantExpression { Value: { } holder } || holder is IQueryable)
                return base.VisitMember(node);
            var value = node.Member switch
            {
                PropertyInfo property => property.GetValue(holder),
                FieldInfo field => field.GetValue(holder),
                _ => null,
            };
            Values.Add(value);
            var parameter = Expression.Parameter(node.Type, $"p{Parameters.Count}");
            Parameters.Add(parameter);
            Refused |= Parameters.Count > MaxParameters;
            return parameter;
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            if (node.Value is not null)
                Refused = true;
            return node;
        }
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
