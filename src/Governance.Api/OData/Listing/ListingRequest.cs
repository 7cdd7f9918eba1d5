using System.Text.RegularExpressions;
using Governance.Api.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Abstracts;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Microsoft.Net.Http.Headers;

namespace Governance.Api.OData.Listing;

/// <summary>
/// A read of a whole entity set that the listing writer can answer byte for byte as the OData serializer would:
/// only $filter, $orderby, $top, $skip, $count and $expand of plain navigation properties, in minimal-metadata
/// JSON, outside $batch. Anything else (a $select, nested expand options, another format, a Prefer header, a
/// custom query parameter) is left to the package.
/// </summary>
internal sealed partial class ListingRequest
{
    private static readonly HashSet<string> Options = ["$filter", "$orderby", "$top", "$skip", "$count", "$expand"];
    private static readonly object ValidatedKey = new();

    private ListingRequest(
        IQueryable source, ODataQueryOptions options, IEdmEntitySet entitySet, EntityJsonPlan plan, IReadOnlyList<ListingExpansion> expansions)
    {
        Source = source;
        QueryOptions = options;
        EntitySet = entitySet;
        Plan = plan;
        Expansions = expansions;
    }

    public IQueryable Source { get; }

    public ODataQueryOptions QueryOptions { get; }

    public IEdmEntitySet EntitySet { get; }

    public EntityJsonPlan Plan { get; }

    public IReadOnlyList<ListingExpansion> Expansions { get; }

    /// <summary>The listing this action result asks for, or null when the package must answer it.</summary>
    public static ListingRequest? TryRead(ActionExecutedContext context, EnableQueryAttribute attribute)
    {
        if (context.Exception is not null || context.Result is not ObjectResult { Value: IQueryable source, StatusCode: null or 200 })
            return null;
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) || http.Features.Get<IODataBatchFeature>() is { BatchId: not null }
            || !OnlyPagePreference(request) || !AcceptsMinimalJson(request)
            || request.Query.Keys.Any(k => !Options.Contains(k))
            || (request.Query.TryGetValue("$expand", out var expand) && !PlainExpand().IsMatch(expand.ToString())))
            return null;
        if (request.ODataFeature().Path is not { Count: 1 } path || path.FirstSegment is not EntitySetSegment { EntitySet: var entitySet }
            || source.Provider is not IAsyncQueryProvider)
            return null;

        var model = request.GetModel();
        var db = http.RequestServices.GetRequiredService<GovernanceDbContext>();
        if (db.Model.FindEntityType(source.ElementType) is not { } efType || EntityJsonPlan.For(model, entitySet, efType) is not { } plan)
            return null;

        ODataQueryOptions options;
        if (http.Items[ValidatedKey] is ODataQueryOptions validated && validated.Context.ElementClrType == source.ElementType)
        {
            options = validated;
        }
        else
        {
            try
            {
                options = new ODataQueryOptions(new ODataQueryContext(model, source.ElementType, path), request);
                attribute.ValidateQuery(request, options);
            }
            catch (ODataException)
            {
                return null; // the package answers with its own error
            }
        }

        var expansions = new List<ListingExpansion>();
        foreach (var item in options.SelectExpand?.SelectExpandClause.SelectedItems ?? [])
        {
            if (ListingExpansion.TryCreate(model, entitySet, efType, item) is not { } expansion)
                return null;
            expansions.Add(expansion);
        }

        return new ListingRequest(source, options, entitySet, plan, expansions);
    }

    /// <summary>Keeps the options the query attribute validated before the action ran, for <see cref="TryRead"/>.</summary>
    public static void KeepValidated(HttpContext http, ODataQueryOptions options) => http.Items[ValidatedKey] = options;

    /// <summary>No Prefer header, or one asking only for a page size (which the writer honours as the package does).</summary>
    private static bool OnlyPagePreference(HttpRequest request) =>
        request.Headers["Prefer"].SelectMany(v => (v ?? "").Split(',')).Select(p => p.Trim())
            .All(p => p.Length == 0 || p.StartsWith("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the package would answer in minimal-metadata JSON: the most preferred media range (by quality, then
    /// order) is JSON or anything, with no parameters but minimal metadata, streaming, UTF-8 and a quality. Power
    /// Query and Excel send <c>application/json;odata.metadata=minimal;q=1.0, ...atom+xml;q=0.8, ...</c>.
    /// </summary>
    private static bool AcceptsMinimalJson(HttpRequest request)
    {
        if (request.Headers.Accept.Count == 0)
            return true;
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.SelectMany(v => (v ?? "").Split(',')).ToList(), out var types) || types.Count == 0)
            return false;
        var best = types.Select((type, order) => (type, order)).OrderByDescending(t => t.type.Quality ?? 1).ThenBy(t => t.order).First().type;
        return (best.MediaType.Equals("*/*", StringComparison.Ordinal) || best.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            && best.Parameters.All(MinimalJsonParameter);
    }

    private static bool MinimalJsonParameter(NameValueHeaderValue parameter) => parameter.Name.ToString().ToLowerInvariant() switch
    {
        "q" => true,
        "odata.metadata" or "odata" => parameter.Value.Equals("minimal", StringComparison.OrdinalIgnoreCase) || parameter.Value.Equals("minimalmetadata", StringComparison.OrdinalIgnoreCase),
        "odata.streaming" or "streaming" => parameter.Value.Equals("true", StringComparison.OrdinalIgnoreCase),
        "charset" => parameter.Value.Equals("utf-8", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    [GeneratedRegex(@"^\s*[A-Za-z_][A-Za-z0-9_]*\s*(,\s*[A-Za-z_][A-Za-z0-9_]*\s*)*$")]
    private static partial Regex PlainExpand();
}
