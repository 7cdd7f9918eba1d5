using System.Globalization;
using System.Text.Json;
using Governance.Api.Infrastructure;
using Governance.Api.Portal;
using Microsoft.Net.Http.Headers;

namespace Governance.Api.OData;

/// <summary>
/// CSV from the OData API (issue 22): <c>$format=csv</c> or <c>Accept: text/csv</c> on a read answers the same rows
/// as JSON (the request runs unchanged through routing, authorization, scopes, the exemption filter and the query
/// options, then its JSON rows are written as CSV): one column per property in the order the JSON gives them, an
/// expanded or complex value as its JSON text, fields a spreadsheet would run written as text. A next page is a
/// <c>Link: rel="next"</c> header. Any other <c>$format</c> is a 400 naming the formats offered: never silently JSON.
/// </summary>
public static class CsvFormat
{
    private const string Csv = "csv";

    public static IApplicationBuilder UseCsvFormat(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/odata") || request.Path.Value!.EndsWith("/$batch", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var format = request.Query.FirstOrDefault(q => q.Key.Equals("$format", StringComparison.OrdinalIgnoreCase));
        var asked = format.Key is null ? null : format.Value.ToString().Split(';')[0].Trim().ToLowerInvariant();
        if (request.Path.Value.Contains("/$", StringComparison.Ordinal))
        {
            // $metadata, $count and $value answer in their own formats: asking them for CSV is refused, not ignored.
            if (asked is Csv or "text/csv")
                await ErrorBodies.WriteAsync(context, StatusCodes.Status400BadRequest, "unsupported-format", "CSV is offered for entity sets, their rows and functions; this answer has its own format.");
            else
                await next(context);
            return;
        }

        if (asked is not (null or "json" or "application/json" or Csv or "text/csv"))
        {
            await ErrorBodies.WriteAsync(context, StatusCodes.Status400BadRequest, "unsupported-format",
                $"$format={format.Value} is not offered: ask for json (the default) or csv.");
            return;
        }

        if (asked is not (Csv or "text/csv") && !(asked is null && PrefersCsv(request)))
        {
            await next(context);
            return;
        }

        if (!HttpMethods.IsGet(request.Method))
        {
            await ErrorBodies.WriteAsync(context, StatusCodes.Status400BadRequest, "csv-is-for-reads", "CSV answers a read (GET); send changes as JSON.");
            return;
        }

        // The same request, asked of the API as JSON.
        request.QueryString = QueryString.Create(request.Query.Where(q => !q.Key.Equals("$format", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
        request.Headers.Accept = "application/json;odata.metadata=minimal";
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            // Errors and anything else stay as they were (a refusal is said in JSON, as the API says it).
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        using var json = await JsonDocument.ParseAsync(buffer, cancellationToken: context.RequestAborted);
        var (header, rows) = Table(json.RootElement);
        if (json.RootElement.TryGetProperty("@odata.nextLink", out var nextLink) && nextLink.GetString() is { } following)
            context.Response.Headers.Append(HeaderNames.Link, $"<{following}{(following.Contains('?', StringComparison.Ordinal) ? '&' : '?')}$format=csv>; rel=\"next\"");
        if (json.RootElement.TryGetProperty("@odata.count", out var count))
            context.Response.Headers["OData-Count"] = count.GetRawText();
        var bytes = CsvFile.Bytes(header, rows);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(request.Path)}.csv\"";
        await original.WriteAsync(bytes, context.RequestAborted);
    });

    /// <summary>Accept lists text/csv above (or without) JSON.</summary>
    private static bool PrefersCsv(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
            return false;
        var csv = accepted.Where(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var json = accepted.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || a.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return csv > 0 && csv >= json;
    }

    /// <summary>The rows of a collection (its "value"), or the one entity; columns in the order they first appear.</summary>
    private static (List<string> Header, List<IReadOnlyList<string>> Rows) Table(JsonElement root)
    {
        var items = root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [root];
        var header = new List<string>();
        foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
            header.AddRange(item.EnumerateObject().Select(p => p.Name).Where(n => !n.Contains('@', StringComparison.Ordinal) && !header.Contains(n)).Distinct());
        if (header.Count == 0 && items.Count > 0)
            header.Add("value");
        var rows = items.Select(item => (IReadOnlyList<string>)(item.ValueKind == JsonValueKind.Object
            ? [.. header.Select(h => item.TryGetProperty(h, out var cell) ? Cell(cell) : "")]
            : [Cell(item)])).ToList();
        return (header, rows);
    }

    private static string Cell(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.String => cell.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => cell.GetRawText(),
        _ => WithoutAnnotations(cell),
    };

    /// <summary>An expanded or complex value as its JSON, without the OData annotations a reader of the sheet has no use for.</summary>
    private static string WithoutAnnotations(JsonElement value)
    {
        using var text = new MemoryStream();
        using (var writer = new Utf8JsonWriter(text))
            Write(writer, value);
        return System.Text.Encoding.UTF8.GetString(text.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().Where(p => !p.Name.Contains('@', StringComparison.Ordinal)))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static string FileName(PathString path)
    {
        var last = path.Value!.TrimEnd('/').Split('/').Last();
        var name = new string([.. last.Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');
        return name.Length == 0 ? "odata" : name.ToLower(CultureInfo.InvariantCulture);
    }
}
