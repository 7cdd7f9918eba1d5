using System.Net;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>Every error under /odata is an OData JSON error with OData-Version, whatever answered it; elsewhere problem details.</summary>
public sealed class ErrorFormatTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task AssertODataErrorAsync(HttpResponseMessage response, int status, string what)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == status, $"{what}: expected {status}, got {(int)response.StatusCode} {body}");
        Assert.True(response.Headers.TryGetValues("OData-Version", out var version) && version.Single() == "4.0", $"{what}: no OData-Version header");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()), what);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), what);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryStatusUnderOData_IsAnODataError_AndElsewhereProblemDetails()
    {
        using var anonymous = app.CreateClient();
        using var councillor = await app.ClientForAsync("Councillor");
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var supplier = (await officer.GetJsonAsync("/odata/Suppliers(2)")).GetProperty("Id").GetInt32();

        using (var r = await anonymous.GetAsync("/odata/Contracts", Ct)) await AssertODataErrorAsync(r, 401, "no token");
        using (var r = await councillor.GetAsync("/odata/Submissions", Ct)) await AssertODataErrorAsync(r, 403, "a set the role may not read");
        using (var r = await councillor.GetAsync("/odata/Contracts(999999)", Ct)) await AssertODataErrorAsync(r, 404, "no such key");
        using (var r = await councillor.GetAsync("/odata/NoSuchSet", Ct)) await AssertODataErrorAsync(r, 404, "no such set");
        using (var r = await councillor.GetAsync("/odata/Contracts?$filter=Nope eq 1", Ct)) await AssertODataErrorAsync(r, 400, "bad $filter");
        using (var r = await officer.SendJsonAsync(HttpMethod.Patch, $"/odata/Suppliers({supplier})", new { ContactEmail = "a@b.example" })) await AssertODataErrorAsync(r, 428, "no If-Match");
        using (var r = await officer.SendJsonAsync(HttpMethod.Patch, $"/odata/Suppliers({supplier})", new { ContactEmail = "a@b.example" }, "W/\"OTk5\"")) await AssertODataErrorAsync(r, 412, "stale If-Match");
        var batch = $"{{\"requests\":[{string.Join(",", Enumerable.Range(1, 70).Select(i => $"{{\"id\":\"{i}\",\"method\":\"GET\",\"url\":\"/odata/Indicators?$expand=Measurements,Contract\"}}"))}]}}";
        using (var r = await officer.PostAsync("/odata/$batch", new StringContent(batch, Encoding.UTF8, "application/json"), Ct)) await AssertODataErrorAsync(r, 413, "batch past its cost");

        using var outside = await anonymous.GetAsync("/auth/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, outside.StatusCode);
        Assert.Equal("application/problem+json", outside.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, JsonDocument.Parse(await outside.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("status").GetInt32());
    }
}
