using Governance.Api.Infrastructure;
using Microsoft.AspNetCore.OData.Batch;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Governance.Api.OData;

/// <summary>
/// The $batch handler. A batch is counted by what its parts cost, not only how many there are: a part costs one, plus
/// one for every navigation it expands and four for an $apply aggregation, and a batch may cost at most
/// <see cref="MaxCost"/> (and hold at most <see cref="MaxParts"/> parts); past either, the whole batch is refused with a
/// 413 before any part runs. A change set (a multipart changeset or a JSON atomicity group) runs as one
/// <see cref="AtomicChangeSet"/>: all its requests succeed or nothing of them is saved.
/// </summary>
internal sealed class GovernanceBatchHandler : DefaultODataBatchHandler
{
    public const int MaxParts = 100;
    public const int MaxCost = 200;
    private const int ApplyCost = 4;

    public GovernanceBatchHandler()
    {
        MessageQuotas.MaxPartsPerBatch = MaxParts;
        MessageQuotas.MaxOperationsPerChangeset = MaxParts;
    }

    public override async Task<IList<ODataBatchRequestItem>> ParseBatchRequestsAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
            await GiveEveryRequestHeadersAsync(context.Request);
        else if (SpeaksOnly40(context.Request))
            context.Request.Headers.Accept = "multipart/mixed"; // the JSON batch format is OData 4.01: a 4.0 client gets its answer in multipart
        var requests = await base.ParseBatchRequestsAsync(context);
        var model = context.RequestServices.GetRequiredService<IEdmModel>();
        var cost = requests.Sum(item => item switch
        {
            OperationRequestItem operation => Cost(operation.Context.Request, model),
            ChangeSetRequestItem changeSet => changeSet.Contexts.Sum(c => Cost(c.Request, model)),
            _ => 1,
        });
        if (cost > MaxCost)
        {
            throw new QueryBoundException(StatusCodes.Status413PayloadTooLarge, "$batch cost",
                $"This $batch costs {cost}; a batch may cost at most {MaxCost} (each part 1, each expanded navigation 1 more, each $apply {ApplyCost} more). Split it into smaller batches.");
        }
        return [.. requests.Select(item => item is ChangeSetRequestItem changeSet ? new AtomicChangeSet(changeSet) : item)];
    }

    /// <summary>
    /// The JSON batch reader fails on a request without a "headers" object inside an atomicity group (a GET, typically),
    /// though the format makes it optional: each such request is given an empty one.
    /// </summary>
    private static async Task GiveEveryRequestHeadersAsync(HttpRequest request)
    {
        System.Text.Json.Nodes.JsonNode? batch;
        try
        {
            batch = await System.Text.Json.Nodes.JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ODataException($"The $batch body is not valid JSON: {e.Message}");
        }
        if (batch?["requests"] is System.Text.Json.Nodes.JsonArray requests)
        {
            foreach (var item in requests.OfType<System.Text.Json.Nodes.JsonObject>().Where(r => r["headers"] is null))
                item["headers"] = new System.Text.Json.Nodes.JsonObject();
        }
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(batch);
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
    }

    /// <summary>A client that says it speaks OData 4.0 at most (OData-MaxVersion, or OData-Version without it).</summary>
    private static bool SpeaksOnly40(HttpRequest request)
    {
        var version = request.Headers["OData-MaxVersion"].ToString() is { Length: > 0 } max ? max : request.Headers["OData-Version"].ToString();
        return version.Trim() == "4.0";
    }

    private static int Cost(HttpRequest request, IEdmModel model)
    {
        var cost = 1;
        if (request.Query.ContainsKey("$apply"))
            cost += ApplyCost;
        if (request.Query["$expand"].ToString() is { Length: > 0 } expand)
            cost += ExpandedNavigations(request, expand, model);
        return cost;
    }

    /// <summary>How many navigations an $expand names at every depth; an $expand that does not parse costs one (its part will fail on its own).</summary>
    private static int ExpandedNavigations(HttpRequest request, string expand, IEdmModel model)
    {
        try
        {
            var relative = request.Path.StartsWithSegments($"/{ODataRegistration.RoutePrefix}", out var rest) ? rest.Value!.TrimStart('/') : request.Path.Value!.TrimStart('/');
            var path = new ODataUriParser(model, new Uri(relative, UriKind.Relative)).ParsePath();
            var target = path.LastSegment switch
            {
                EntitySetSegment set => (IEdmNavigationSource)set.EntitySet,
                KeySegment key => key.NavigationSource,
                _ => null,
            };
            if (target is null)
                return 1;
            var clause = new ODataQueryOptionParser(model, target.EntityType, target, new Dictionary<string, string> { ["$expand"] = expand }).ParseSelectAndExpand();
            return Count(clause);
        }
        catch (ODataException)
        {
            return 1;
        }

        static int Count(SelectExpandClause? clause) => clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>().Sum(e => 1 + Count(e.SelectAndExpand)) ?? 0;
    }
}
