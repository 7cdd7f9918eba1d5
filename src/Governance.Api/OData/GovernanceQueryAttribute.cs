using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.OData.Edm;

namespace Governance.Api.OData;

/// <summary>
/// [EnableQuery] with every limit set explicitly. Changing one is an API change: the limits are tested at the
/// limit and one past it.
/// </summary>
public sealed class GovernanceQueryAttribute : EnableQueryAttribute
{
    public const int MaxPageSize = 100;
    public const int MaxTopValue = 1000;
    public const int MaxDepth = 3;
    public const int MaxNodes = 100;
    public const int MaxAnyAllDepth = 2;
    public const int MaxOrderByNodes = 5;

    public GovernanceQueryAttribute()
    {
        PageSize = MaxPageSize;
        MaxTop = MaxTopValue;
        MaxExpansionDepth = MaxDepth;
        MaxNodeCount = MaxNodes;
        MaxAnyAllExpressionDepth = MaxAnyAllDepth;
        MaxOrderByNodeCount = MaxOrderByNodes;
        HandleNullPropagation = HandleNullPropagationOption.False;
        // $compute's new properties break the response writer once selected (the response was cut mid-body): refused until supported.
        AllowedQueryOptions = AllowedQueryOptions.Supported & ~AllowedQueryOptions.Compute;
    }

    /// <summary>The query texts this attribute has validated and will not validate again.</summary>
    internal ValidatedQueries Validated { get; } = new();

    /// <summary>
    /// Validates as the package does, once per query shape (<see cref="ValidatedQueries"/>), and keeps the options it
    /// validated (parsed, before the action runs) for the listing writer, which would otherwise parse and validate
    /// the same query a second time.
    /// </summary>
    public override void ValidateQuery(Microsoft.AspNetCore.Http.HttpRequest request, ODataQueryOptions queryOptions)
    {
        RefuseControlCharacters(queryOptions.RawValues);
        var key = Validated.KeyOf(request, queryOptions);
        var known = key is not null && Validated.Contains(key);
        if (known)
            queryOptions.Validator = null; // the package still checks the option names and records its limits on the context
        base.ValidateQuery(request, queryOptions);
        if (queryOptions.SelectExpand?.SelectExpandClause is { } clause)
            ExpansionBounds.Check(clause, [queryOptions.Context.NavigationSource?.Name ?? ""], insideCollection: false);
        if (key is not null && !known)
            Validated.Add(key);
        Listing.ListingRequest.KeepValidated(request.HttpContext, queryOptions);
    }

    /// <summary>A NUL or other control character in a query option is never meant, and some databases stop reading SQL at a NUL.</summary>
    private static void RefuseControlCharacters(ODataRawQueryOptions raw)
    {
        foreach (var (name, value) in new[] { ("$filter", raw.Filter), ("$orderby", raw.OrderBy), ("$search", raw.Search), ("$apply", raw.Apply), ("$select", raw.Select), ("$expand", raw.Expand) })
        {
            if (value is not null && value.Any(char.IsControl))
                throw new Microsoft.OData.ODataException($"{name} contains a control character (such as NUL); remove it.");
        }
    }

    /// <summary>Plain listings of an entity set are written by the listing writer; everything else by the package.</summary>
    public override void OnActionExecuted(Microsoft.AspNetCore.Mvc.Filters.ActionExecutedContext actionExecutedContext)
    {
        if (Listing.ListingRequest.TryRead(actionExecutedContext, this) is { } listing)
        {
            var pageSize = PageSizeOf(actionExecutedContext.HttpContext);
            // The writer pages by the size it is given; the package would also apply the preference to that size.
            actionExecutedContext.HttpContext.Request.Headers.Remove("Prefer");

            actionExecutedContext.Result = new Listing.ListingResult(listing, new ODataQuerySettings
            {
                PageSize = pageSize, HandleNullPropagation = HandleNullPropagation, EnsureStableOrdering = EnsureStableOrdering, TimeZone = TimeZoneInfo.Utc,
            });
            return;
        }

        base.OnActionExecuted(actionExecutedContext);
    }

    /// <summary>
    /// With $expand, pages the top level only. The package would also page every expanded collection, which
    /// costs a window function over the whole related table on every request (and is beyond SQLite one level
    /// down). Expansions are bounded by depth and node count instead, and a client can put $top inside $expand.
    /// </summary>
    public override IQueryable ApplyQuery(IQueryable queryable, ODataQueryOptions queryOptions)
    {
        var pageSize = PageSizeOf(queryOptions.Request.HttpContext);
        if (queryOptions.SelectExpand is not { } selectExpand)
            return base.ApplyQuery(queryable, queryOptions);

        var settings = new ODataQuerySettings
        {
            HandleNullPropagation = HandleNullPropagation, EnsureStableOrdering = EnsureStableOrdering, TimeZone = TimeZoneInfo.Utc,
        };
        var query = queryOptions.ApplyTo(queryable, settings, AllowedQueryOptions.Select | AllowedQueryOptions.Expand);
        if (queryOptions.OrderBy is null && queryOptions.Context.ElementType is IEdmEntityType entity)
            query = OrderByKey(query, entity.Key().Single().Name); // a stable order, so that the next page follows on from this one
        query = selectExpand.ApplyTo(query, settings);
        var request = queryOptions.Request;
        request.ODataFeature().SelectExpandClause = selectExpand.SelectExpandClause;
        if (queryOptions.Top?.Value is { } top && top <= pageSize)
            return query;
        // The projected element type is the package's own wrapper, so its generic LimitResults is reached by reflection.
        object?[] arguments = [query, pageSize, false, null];
        query = (IQueryable)LimitResults.MakeGenericMethod(query.ElementType).Invoke(null, arguments)!;
        if (arguments[3] is true)
            request.ODataFeature().NextLink = request.GetNextPageLink(pageSize, null, null);
        return query;
    }

    /// <summary>
    /// The page size of this read: <c>Prefer: odata.maxpagesize</c> is honoured up to <see cref="MaxPageSize"/>, on
    /// either path and with or without $select and $expand, and <c>Preference-Applied</c> says so.
    /// </summary>
    private static int PageSizeOf(Microsoft.AspNetCore.Http.HttpContext http)
    {
        if (PreferredPageSize(http.Request) is not { } preferred)
            return MaxPageSize;
        var pageSize = Math.Min(preferred, MaxPageSize);
        http.Response.Headers["Preference-Applied"] = $"odata.maxpagesize={pageSize}";
        return pageSize;
    }

    /// <summary>The page size a client asks for with <c>Prefer: odata.maxpagesize=N</c>, if any.</summary>
    private static int? PreferredPageSize(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        foreach (var preference in request.Headers["Prefer"].SelectMany(v => (v ?? "").Split(',')).Select(p => p.Trim()))
        {
            if (preference.StartsWith("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(preference["odata.maxpagesize=".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) && size > 0)
                return size;
        }
        return null;
    }

    private static readonly System.Reflection.MethodInfo LimitResults = typeof(ODataQueryOptions).GetMethods()
        .Single(m => m.Name == nameof(ODataQueryOptions.LimitResults) && m.IsGenericMethodDefinition && m.GetParameters().Length == 4);

    private static IQueryable OrderByKey(IQueryable query, string keyName)
    {
        var row = System.Linq.Expressions.Expression.Parameter(query.ElementType, "row");
        var key = System.Linq.Expressions.Expression.Property(row, keyName);
        var orderBy = System.Linq.Expressions.Expression.Call(
            typeof(Queryable), nameof(Queryable.OrderBy), [query.ElementType, key.Type], query.Expression,
            System.Linq.Expressions.Expression.Quote(System.Linq.Expressions.Expression.Lambda(key, row)));
        return query.Provider.CreateQuery(orderBy);
    }
}
