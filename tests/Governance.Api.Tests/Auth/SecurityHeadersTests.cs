using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Auth;

/// <summary>Security headers on every response; confidential reads and sign-in answers are never stored.</summary>
public sealed class SecurityHeadersTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "";

    [Theory]
    [InlineData("/odata/Contracts")]
    [InlineData("/odata/Nope")]
    [InlineData("/health")]
    public async Task EveryApiResponse_CarriesTheSecurityHeaders_AndIsNotStored(string url)
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("default-src 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task SignIn_IsNeverStored()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/login", new { email = "councillor@demo.local", password = "Governance-Demo-2026!" }, Ct);
        Assert.True(response.IsSuccessStatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task TheApiReferencePage_MayRunOnlyItsOwnScripts()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api-reference", Ct);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }
}
