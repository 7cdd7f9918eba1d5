using System.Text;
using Governance.Api.OData.Shapes;
using Microsoft.AspNetCore.OData.Query;

namespace Governance.Api.OData;

/// <summary>
/// The query shapes one query attribute has validated. Validation is a function of the model, the resource path,
/// the element type, the attribute's limits and the query's shape alone (no validator of this host looks at who asks,
/// or at a filter's values: those are checked by the parser, which runs on every request), so a shape that passed once
/// passes again; parsing and validating it again was an eighth of a page's time (docs/performance.md). Keys hold no
/// values (<see cref="QueryShape"/>): a contract id or a page never seen before is as fast as one seen before. Only
/// successes are kept: a query that failed is validated, and fails, every time.
/// </summary>
internal sealed class ValidatedQueries(LruCache<string, byte> cache)
{
    public const int MaxKeyLength = 2048;
    public const int SharedCapacity = 4096;

    /// <summary>One cache for every attribute, so that memory is bounded however many actions there are.</summary>
    private static readonly LruCache<string, byte> Shared = new(SharedCapacity);
    private static int instances;

    private readonly string prefix = Interlocked.Increment(ref instances).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ";

    public ValidatedQueries()
        : this(Shared)
    {
    }

    /// <summary>
    /// The shape validation depends on, or null when it is too long to keep or carries free text ($search, whose
    /// words are values but not literals the shape can recognise).
    /// </summary>
    public string? KeyOf(HttpRequest request, ODataQueryOptions options)
    {
        var key = new StringBuilder(prefix).Append(options.Context.ElementClrType?.FullName).Append(' ').Append(request.Path.Value);
        foreach (var (name, values) in request.Query)
        {
            if (name.Equals("$search", StringComparison.OrdinalIgnoreCase))
                return null;
            foreach (var value in values)
            {
                key.Append('&').Append(name).Append('=');
                // Only $filter and $orderby are shaped: their values are checked by the parser on every request. A page
                // ($skip) that is a plain count is only a count; everything else stays as written ($top and a $top
                // nested in $expand are validated against their limit).
                if (name.Equals("$skip", StringComparison.OrdinalIgnoreCase) && uint.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                    key.Append('#');
                else if (name.Equals("$filter", StringComparison.OrdinalIgnoreCase) || name.Equals("$orderby", StringComparison.OrdinalIgnoreCase))
                    QueryShape.Split(value, key, null);
                else
                    key.Append(value);
            }
        }

        return key.Length <= MaxKeyLength ? key.ToString() : null;
    }

    public bool Contains(string key) => cache.TryGet(key, out _);

    /// <summary>Test hook: whether a kept query of this attribute matches.</summary>
    internal bool Any(Func<string, bool> match) => cache.Keys().Any(k => k.StartsWith(prefix, StringComparison.Ordinal) && match(k));

    public void Add(string key) => cache.Set(key, 0);
}
