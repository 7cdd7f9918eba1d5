using System.Collections.Concurrent;
using Microsoft.AspNetCore.OData.Query;

namespace Governance.Api.OData;

/// <summary>
/// The queries one query attribute has validated. Validation is a function of the model, the resource path, the
/// element type, the attribute's limits and the query text alone (no validator of this host looks at who asks), so
/// text that passed once passes again; parsing and validating it again was an eighth of a page's time
/// (docs/performance.md). Only successes are kept: a query that failed is validated, and fails, every time.
/// </summary>
internal sealed class ValidatedQueries(ValidatedQueries.Budget budget)
{
    public const int MaxKeyLength = 2048;

    private readonly ConcurrentDictionary<string, byte> validated = new(StringComparer.Ordinal);

    public ValidatedQueries()
        : this(Budget.Shared)
    {
    }

    /// <summary>The text validation depends on, or null when it is too long to keep.</summary>
    public static string? KeyOf(HttpRequest request, ODataQueryOptions options)
    {
        var key = string.Concat(options.Context.ElementClrType?.FullName, " ", request.Path.Value, request.QueryString.Value);
        return key.Length <= MaxKeyLength ? key : null;
    }

    public bool Contains(string key) => validated.ContainsKey(key);

    /// <summary>Test hook: whether a kept query matches.</summary>
    internal bool Any(Func<string, bool> match) => validated.Keys.Any(match);

    public void Add(string key)
    {
        if (budget.TryTake() && !validated.TryAdd(key, 0))
            budget.Return();
    }

    /// <summary>
    /// How many queries may be kept, across every attribute that shares it, so that a client sending endless new
    /// queries cannot grow memory without bound.
    /// </summary>
    public sealed class Budget(int limit)
    {
        public static Budget Shared { get; } = new(4096);

        private int taken;

        public bool TryTake()
        {
            if (Interlocked.Increment(ref taken) <= limit)
                return true;
            Interlocked.Decrement(ref taken);
            return false;
        }

        public void Return() => Interlocked.Decrement(ref taken);
    }
}
