using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>Every change needs the record's current ETag: none is 428, a stale one 412, and of two racing writers one wins.</summary>
public sealed class ConcurrencyTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, string Url, string ETag)> NewSupplierAsync()
    {
        var client = await app.ClientForAsync("ProcurementOfficer");
        using var created = await client.PostJsonAsync("/odata/Suppliers", new { Name = $"Concurrency Test {Guid.NewGuid():N}", IsSme = true, IsVcse = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        return (client, $"/odata/Suppliers({body.GetProperty("Id").GetInt32()})", body.ETag());
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Change_WithoutIfMatch_Is428(string method)
    {
        var (client, url, _) = await NewSupplierAsync();
        using var response = await client.SendJsonAsync(new HttpMethod(method), url, method == "DELETE" ? null : new { Name = "No ETag Ltd", IsSme = true });
        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Contains("If-Match", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_WithCurrentETag_UpdatesAndIssuesANewETag()
    {
        var (client, url, etag) = await NewSupplierAsync();
        using var response = await client.SendJsonAsync(HttpMethod.Patch, url, new { ContactEmail = "new@supplier.example" }, etag);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        var current = await client.GetJsonAsync(url);
        Assert.Equal("new@supplier.example", current.GetProperty("ContactEmail").GetString());
        Assert.Equal(1, current.GetProperty("Revision").GetInt64());
        Assert.NotEqual(etag, current.ETag());
    }

    [Fact]
    public async Task Patch_WithStaleETag_Is412()
    {
        var (client, url, etag) = await NewSupplierAsync();
        using var first = await client.SendJsonAsync(HttpMethod.Patch, url, new { ContactEmail = "first@supplier.example" }, etag);
        Assert.True(first.IsSuccessStatusCode);
        using var second = await client.SendJsonAsync(HttpMethod.Patch, url, new { ContactEmail = "second@supplier.example" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("first@supplier.example", (await client.GetJsonAsync(url)).GetProperty("ContactEmail").GetString());
    }

    [Fact]
    public async Task Patch_TwoConcurrentWithSameETag_ExactlyOneSucceeds()
    {
        var (client, url, etag) = await NewSupplierAsync();
        using var other = await app.ClientForAsync("ContractManager");
        var responses = await Task.WhenAll(
            client.SendJsonAsync(HttpMethod.Patch, url, new { ContactEmail = "a@supplier.example" }, etag),
            other.SendJsonAsync(HttpMethod.Patch, url, new { ContactEmail = "b@supplier.example" }, etag));
        Assert.Equal(1, responses.Count(r => r.IsSuccessStatusCode));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        Assert.Equal(1, (await client.GetJsonAsync(url)).GetProperty("Revision").GetInt64());
    }

    [Fact]
    public async Task Put_ReplacesWritablePropertiesOnly()
    {
        var (client, url, etag) = await NewSupplierAsync();
        var name = $"Replaced {Guid.NewGuid():N}";
        using var response = await client.SendJsonAsync(HttpMethod.Put, url, new { Name = name, IsSme = false, IsVcse = true }, etag);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        var current = await client.GetJsonAsync(url);
        Assert.Equal(name, current.GetProperty("Name").GetString());
        Assert.True(current.GetProperty("IsVcse").GetBoolean());
        Assert.Equal(JsonValueKindNull, current.GetProperty("CompaniesHouseNumber").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Delete_WithETag_ArchivesTheRecord()
    {
        var (client, url, etag) = await NewSupplierAsync();
        using var response = await client.SendJsonAsync(HttpMethod.Delete, url, null, etag);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var read = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        using var admin = await app.ClientForAsync("Administrator");
        var audit = await admin.GetJsonAsync($"/odata/AuditEntries?$filter=EntityType eq 'Supplier' and EntityKey eq '{url["/odata/Suppliers(".Length..^1]}' and Operation eq 'Archived'");
        Assert.Equal(1, audit.Count());
    }

    [Fact]
    public async Task Patch_ServerManagedProperty_Is400NamingIt()
    {
        var client = await app.ClientForAsync("ProcurementOfficer");
        var procurement = (await client.GetJsonAsync("/odata/Procurements?$filter=Reference eq 'CCP-2013-01'")).GetProperty("value")[0];
        using var response = await client.SendJsonAsync(HttpMethod.Patch, $"/odata/Procurements({procurement.GetProperty("Id").GetInt32()})", new { Stage = "Awarded" }, procurement.ETag());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Stage", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
