using System.Net;
using System.Text.RegularExpressions;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's personal access tokens in the portal: a person creates one (the secret shown once), a tool uses it, the
/// person revokes it and the tool is refused; an administrator sees an account's tokens and revokes one; bad names and
/// lifetimes are said field by field.
/// </summary>
public sealed partial class PortalTokensTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<code id=\"secret\">([^<]+)</code>")]
    private static partial Regex Secret();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string? handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, page);
        return await client.PostAsync(handler is null ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task APersonCreatesAToken_AToolUsesIt_ThenTheAdministratorRevokesIt_AndTheToolIsRefused()
    {
        // An account of its own: the demo contract manager's seeded token is another test's subject.
        using var api = await app.ClientForAsync("Administrator");
        var email = $"tokens-{Guid.NewGuid():N}@council.example";
        var account = (await TenderApi.CreatedAsync(api, "/auth/users", new { email, displayName = "Analyst", password = "Analyst-password-1", roles = new[] { "ContractManager" } })).GetProperty("id").GetString();
        using var manager = PortalClient.Anonymous(app);
        using (var signedIn = await PortalClient.SignInAsync(manager, email, "Analyst-password-1"))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        string secret;
        using (var created = await PostAsync(manager, "/account/tokens", null, new() { ["name"] = "Quarterly KPI workbook", ["days"] = "30" }))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.Contains("no-store", created.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            secret = Secret().Match(await created.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        }
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(secret, await manager.GetStringAsync("/account/tokens", Ct), StringComparison.Ordinal); // shown once

        using var tool = app.CreateClient();
        tool.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        using (var works = await tool.GetAsync("/odata/Contracts?$top=1", Ct))
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);

        using var admin = await PortalClient.SignedInAsync(app, "Administrator");
        var accountPage = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/accounts/{account}", Ct));
        Assert.Contains("Quarterly KPI workbook", accountPage, StringComparison.Ordinal);
        Assert.Contains(secret[..12], accountPage, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, accountPage, StringComparison.Ordinal);
        var tokenId = (await api.GetJsonAsync($"/auth/users/{account}/tokens")).EnumerateArray().Last(t => t.GetProperty("name").GetString() == "Quarterly KPI workbook").GetProperty("id").GetInt32();
        using (var revoked = await PostAsync(admin, $"/admin/accounts/{account}", "RevokeToken", new() { ["token"] = $"{tokenId}" }))
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using (var refused = await tool.GetAsync("/odata/Contracts?$top=1", Ct))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using (var twice = await PostAsync(admin, $"/admin/accounts/{account}", "RevokeToken", new() { ["token"] = $"{tokenId}" }))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // Someone else's token cannot be revoked from one's own page.
        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using (var notTheirs = await PostAsync(councillor, "/account/tokens", "Revoke", new() { ["token"] = $"{tokenId}" }))
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
    }

    [Fact]
    public async Task ANamelessOrTooLongLivedToken_IsRefusedFieldByField()
    {
        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using (var nameless = await PostAsync(councillor, "/account/tokens", null, new() { ["name"] = " ", ["days"] = "30" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
            Assert.Contains("Name the token", WebUtility.HtmlDecode(await nameless.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        using (var forever = await PostAsync(councillor, "/account/tokens", null, new() { ["name"] = "Forever", ["days"] = "5000" }))
            Assert.Equal(HttpStatusCode.BadRequest, forever.StatusCode);
        using (var words = await PostAsync(councillor, "/account/tokens", null, new() { ["name"] = "Words", ["days"] = "a month" }))
            Assert.Equal(HttpStatusCode.BadRequest, words.StatusCode);
        Assert.DoesNotContain("Forever", await councillor.GetStringAsync("/account/tokens", Ct), StringComparison.Ordinal);
    }
}
