using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.OData;

/// <summary>A single read carries its ETag in the header; If-None-Match with the current one answers 304, and a change answers 200 again.</summary>
public sealed class ETagTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASingleRead_HasItsETag_AndIfNoneMatch_Is304UntilItChanges()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var id = (await CreatedAsync(officer, "/odata/Suppliers", new { Name = $"ETag {Guid.NewGuid():N}", IsSme = false, IsVcse = false })).GetProperty("Id").GetInt32();

        using var first = await officer.GetAsync($"/odata/Suppliers({id})", Ct);
        var etag = first.Headers.ETag?.ToString();
        Assert.Equal((await first.JsonAsync()).ETag(), etag);

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, $"/odata/Suppliers({id})");
        unchanged.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using (var response = await officer.SendAsync(unchanged, Ct))
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);

        (await officer.SendJsonAsync(HttpMethod.Patch, $"/odata/Suppliers({id})", new { ContactEmail = "etag@changed.example" }, etag)).Dispose();
        using var changed = new HttpRequestMessage(HttpMethod.Get, $"/odata/Suppliers({id})");
        changed.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var after = await officer.SendAsync(changed, Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag?.ToString());
    }
}
