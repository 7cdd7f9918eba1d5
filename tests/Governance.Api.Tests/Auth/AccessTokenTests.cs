using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Data;
using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Auth;

/// <summary>
/// Personal access tokens: issued once to a signed-in holder, accepted as a bearer token and as Basic's password (as
/// Excel and Power BI send them), acting with the holder's roles as they are now, until expiry or revocation.
/// </summary>
public sealed class AccessTokenTests(SqliteApp app)
{
    private const string Password = "A-long-password-123";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Email, HttpClient Client)> AccountAsync(string role = "Councillor")
    {
        using var admin = await app.ClientForAsync("Administrator");
        var email = $"analyst-{Guid.NewGuid():N}@council.example";
        using var created = await admin.PostAsJsonAsync("/auth/users", new { email, displayName = "Performance analyst", password = Password, roles = new[] { role } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.SignInAsync(email, Password));
        return (email, client);
    }

    private static async Task<(int Id, string Token)> IssueAsync(HttpClient holder, int days = 90)
    {
        using var response = await holder.PostAsJsonAsync("/auth/tokens", new { name = "Power BI KPI dashboard", days }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("id").GetInt32(), body.GetProperty("token").GetString()!);
    }

    private HttpClient With(AuthenticationHeaderValue credential)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = credential;
        return client;
    }

    private string PersonalAccessTokenHashOf(JsonElement entry)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var key = int.Parse(entry.GetProperty("EntityKey").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return db.PersonalAccessTokens.Single(t => t.Id == key).SecretHash;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    [Fact]
    public async Task AToken_SignsInAsItsHolder_AsBearerAndAsBasicPassword()
    {
        var (email, holder) = await AccountAsync();
        using var _ = holder;
        var (_, token) = await IssueAsync(holder);

        using var bearer = With(new("Bearer", token));
        var me = await bearer.GetJsonAsync("/auth/me");
        Assert.Equal(email, me.GetProperty("name").GetString());
        Assert.Equal(["Councillor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        using var excel = With(Basic(email, token));
        using var feed = await excel.GetAsync("/odata/Contracts?$select=Reference", Ct);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
    }

    [Fact]
    public async Task BasicWithAnAccountPassword_IsRefused_AndEvery401SaysHowToAuthenticate()
    {
        var (email, holder) = await AccountAsync();
        holder.Dispose();

        using var withPassword = With(Basic(email, Password));
        using var refused = await withPassword.GetAsync("/odata/Contracts", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer realm=\"Governance\", error=\"invalid_token\"", refused.Headers.WwwAuthenticate.ToString());

        using var anonymous = app.CreateClient();
        using var challenge = await anonymous.GetAsync("/odata/Contracts", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        Assert.Equal("Bearer realm=\"Governance\"", challenge.Headers.WwwAuthenticate.ToString());

        using var forged = With(new("Bearer", "gov_pat_" + new string('A', 43)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/odata/Contracts", Ct)).StatusCode);
    }

    [Fact]
    public async Task AToken_CannotCreateOrListTokens()
    {
        var (_, holder) = await AccountAsync();
        using var _ = holder;
        var (_, token) = await IssueAsync(holder);
        using var viaToken = With(new("Bearer", token));

        using var create = await viaToken.PostAsJsonAsync("/auth/tokens", new { name = "A renewal", days = 366 }, Ct);
        using var list = await viaToken.GetAsync("/auth/tokens", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Fact]
    public async Task ARevokedToken_StopsAtOnce_OnlyItsHolderOrAnAdministratorRevokes_AndOnlyOnce()
    {
        var (_, holder) = await AccountAsync();
        using var _ = holder;
        var (id, token) = await IssueAsync(holder);
        var (_, other) = await AccountAsync();
        using var __ = other;
        using var viaToken = With(new("Bearer", token));
        Assert.Equal(HttpStatusCode.OK, (await viaToken.GetAsync("/auth/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/auth/tokens/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await holder.DeleteAsync($"/auth/tokens/{id}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await viaToken.GetAsync("/auth/me", Ct)).StatusCode);
        using var admin = await app.ClientForAsync("Administrator");
        using var again = await admin.DeleteAsync($"/auth/tokens/{id}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("token-revoked", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var listed = Assert.Single((await holder.GetJsonAsync("/auth/tokens")).EnumerateArray());
        Assert.False(listed.TryGetProperty("token", out var _), "The secret is shown once, when issued");
        Assert.True(listed.GetProperty("revokedAt").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task AToken_HasItsHoldersRolesAsTheyAreNow_AndStopsWhenTheAccountIsLocked()
    {
        var (email, holder) = await AccountAsync();
        using var _ = holder;
        var (_, token) = await IssueAsync(holder);
        using var viaToken = With(new("Bearer", token));
        Assert.Equal(HttpStatusCode.OK, (await viaToken.GetAsync("/odata/Committees", Ct)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<GovernanceUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.RemoveFromRoleAsync(user, "Councillor");
        }

        Assert.Empty((await viaToken.GetJsonAsync("/auth/me")).GetProperty("roles").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await viaToken.GetAsync("/odata/Committees", Ct)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<GovernanceUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            Governance.Api.Auth.SessionValidation.Forget(scope.ServiceProvider, user.Id);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await viaToken.GetAsync("/auth/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task IssuingAndRevoking_AreAudited_AndBadInputIsA400NamingTheRule()
    {
        var (_, holder) = await AccountAsync();
        using var _ = holder;
        using var tooLong = await holder.PostAsJsonAsync("/auth/tokens", new { name = "Forever", days = 5000 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("token-lifetime", await tooLong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var (id, _) = await IssueAsync(holder, days: 30);
        (await holder.DeleteAsync($"/auth/tokens/{id}", Ct)).Dispose();

        using var auditor = await app.ClientForAsync("Administrator");
        var audited = (await auditor.GetJsonAsync($"/odata/AuditEntries?$filter=EntityType eq 'PersonalAccessToken' and EntityKey eq '{id}'&$orderby=Sequence"))
            .GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["Created", "Updated"], audited.Select(e => e.GetProperty("Operation").GetString()));
        // The secret's hash is derived from the secret: the audit image, which auditors read, does not carry it.
        Assert.All(audited, e => Assert.DoesNotContain(PersonalAccessTokenHashOf(e), e.GetRawText(), StringComparison.Ordinal));
        Assert.Contains("[redacted]", audited[0].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSeededDemoToken_ActsAsTheDemoContractManager()
    {
        using var powerBi = With(Basic("contractmanager@demo.local", GovernanceApp.DemoAccessToken));
        var me = await powerBi.GetJsonAsync("/auth/me");

        Assert.Equal("contractmanager@demo.local", me.GetProperty("name").GetString());
        Assert.Equal(["ContractManager"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var manager = await app.ClientForAsync("ContractManager");
        var token = Assert.Single((await manager.GetJsonAsync("/auth/tokens")).EnumerateArray());
        Assert.Equal("Power BI KPI dashboard (demo)", token.GetProperty("name").GetString());
    }
}
