using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Api.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.OData.Listing;

/// <summary>
/// Answers a plain listing with the package's own query binding (so $filter, $orderby, paging and the next link
/// mean exactly what they mean elsewhere) and writes the page with Utf8JsonWriter. The package's serializer
/// spends 30 to 40 µs on each entity; this writer about 1 µs (docs/performance.md).
/// </summary>
internal sealed class ListingResult(ListingRequest listing, ODataQuerySettings settings) : IActionResult
{
    private static readonly System.Reflection.MethodInfo LongCountAsync = typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.LongCountAsync) && m.GetParameters().Length == 2);
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var ct = http.RequestAborted;
        var options = listing.QueryOptions;

        long? count = null;
        if (options.Count?.Value == true)
        {
            var filtered = options.Filter is null ? listing.Source : options.Filter.ApplyTo(listing.Source, settings);
            count = await CountAsync(filtered, ct);
        }

        // The package orders stably and limits the rows when it has a page size. Asked for one row more than a
        // page, it says by that row whether another page follows, and the link to it is the package's own.
        var pageSize = settings.PageSize!.Value;
        var oneMore = new ODataQuerySettings
        {
            PageSize = pageSize + 1, HandleNullPropagation = settings.HandleNullPropagation, EnsureStableOrdering = settings.EnsureStableOrdering,
            TimeZone = settings.TimeZone,
        };
        var db = http.RequestServices.GetRequiredService<GovernanceDbContext>();
        var rows = ListingPageQueries.TryRead(listing.Source, options, oneMore, db)
            ?? ((IEnumerable)options.ApplyTo(listing.Source, oneMore, AllowedQueryOptions.Select | AllowedQueryOptions.Expand | AllowedQueryOptions.Count)).Cast<object>().ToList();
        Uri? nextLink = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveRange(pageSize, rows.Count - pageSize);
            nextLink = request.GetNextPageLink(pageSize, null, null);
        }

        var related = new List<Dictionary<object, List<object>>>(listing.Expansions.Count);
        foreach (var expansion in listing.Expansions)
            related.Add(await expansion.LoadAsync(db, rows, ct));

        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";
        response.Headers["OData-Version"] = "4.0";
        var etags = request.GetETagHandler();
        using var body = new ListingBody(response);
        await using var writer = new Utf8JsonWriter(body.Output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("@odata.context", ContextUrl(request));
        if (count is not null)
            writer.WriteNumber("@odata.count", count.Value);
        writer.WriteStartArray("value");
        for (var i = 0; i < rows.Count; i++)
        {
            WriteEntity(writer, rows[i], related, etags);
            await body.SendIfFullAsync(writer, ct);
        }

        writer.WriteEndArray();
        if (nextLink is not null)
            writer.WriteString("@odata.nextLink", nextLink.AbsoluteUri);
        writer.WriteEndObject();
        await body.CompleteAsync(writer, ct);
        http.RequestServices.GetRequiredService<ListingMetrics>().Written(listing.EntitySet.Name);
    }

    private void WriteEntity(Utf8JsonWriter writer, object row, List<Dictionary<object, List<object>>> related, Microsoft.AspNetCore.OData.Abstracts.IETagHandler etags)
    {
        listing.Plan.WriteStart(writer, row, etags);
        for (var e = 0; e < listing.Expansions.Count; e++)
        {
            var expansion = listing.Expansions[e];
            var link = expansion.LinkOf(row);
            var children = link is not null && related[e].TryGetValue(link, out var found) ? found : null;
            writer.WritePropertyName(expansion.JsonName);
            if (expansion.IsCollection)
            {
                writer.WriteStartArray();
                foreach (var child in children ?? [])
                {
                    expansion.Plan.WriteStart(writer, child, etags);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }
            else if (children is [var single, ..])
            {
                expansion.Plan.WriteStart(writer, single, etags);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
    }

    private string ContextUrl(HttpRequest request)
    {
        var root = request.CreateODataLink();
        var url = $"{root.TrimEnd('/')}/$metadata#{listing.EntitySet.Name}";
        return listing.Expansions.Count == 0 ? url : $"{url}({string.Join(",", listing.Expansions.Select(e => e.Name + "()"))})";
    }

    private static Task<long> CountAsync(IQueryable query, CancellationToken ct) =>
        (Task<long>)LongCountAsync.MakeGenericMethod(query.ElementType).Invoke(null, [query, ct])!;
}
