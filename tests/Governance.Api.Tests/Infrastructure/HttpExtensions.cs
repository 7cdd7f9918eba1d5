using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Governance.Api.Tests.Infrastructure;

public static class HttpExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>Sends JSON with the given method, and If-Match when an ETag is given.</summary>
    /// <summary>Every record of a collection, following @odata.nextLink page by page.</summary>
    public static async Task<List<JsonElement>> GetAllAsync(this HttpClient client, string url)
    {
        var all = new List<JsonElement>();
        for (string? next = url; next is not null;)
        {
            var page = await client.GetJsonAsync(next);
            all.AddRange(page.GetProperty("value").EnumerateArray());
            next = page.TryGetProperty("@odata.nextLink", out var link) ? new Uri(link.GetString()!).PathAndQuery : null;
        }

        return all;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (ifMatch is not null)
            request.Headers.IfMatch.Add(ifMatch == "*" ? EntityTagHeaderValue.Any : EntityTagHeaderValue.Parse(ifMatch));
        return client.SendAsync(request);
    }

    /// <summary>POSTs the body with its property names as written: OData names are case-sensitive.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.SendJsonAsync(HttpMethod.Post, url, body);

    public static string ETag(this JsonElement entity) => entity.GetProperty("@odata.etag").GetString()!;

    public static int Count(this JsonElement collection) => collection.GetProperty("value").GetArrayLength();
}
