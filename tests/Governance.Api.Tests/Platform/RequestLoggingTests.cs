using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Platform;

/// <summary>Every request has a log line, and the trace id an error body gives a user is the one on that line.</summary>
public sealed class RequestLoggingTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string TraceOf(JsonElement body) =>
        body.TryGetProperty("error", out var error) ? error.GetProperty("@Governance.TraceId").GetString()! : body.GetProperty("traceId").GetString()!;

    [Theory]
    [InlineData("/odata/Contracts(99999999)", HttpStatusCode.NotFound)]          // a controller's OData error
    [InlineData("/odata/Contracts?$top=5000", HttpStatusCode.BadRequest)]        // the package's query error
    [InlineData("/odata/NoSuchSet", HttpStatusCode.NotFound)]                    // a status without a body of its own
    [InlineData("/auth/users", HttpStatusCode.Forbidden)]                        // problem details
    public async Task AnErrorsTraceId_IsOnItsRequestsLogLine(string url, HttpStatusCode status)
    {
        using var client = await app.ClientForAsync("Councillor");
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(status, response.StatusCode);
        var trace = TraceOf(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement);

        Assert.False(string.IsNullOrEmpty(trace));
        var path = url.Split('?')[0];
        Assert.Contains(app.Logs.Entries, e => e.Category == "Governance.Requests"
            && e.Message.Contains($"GET {path} answered {(int)status}", StringComparison.Ordinal) && e.Message.Contains(trace, StringComparison.Ordinal));
    }
}
