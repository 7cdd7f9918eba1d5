using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Auth;

public sealed class AccountsTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@council.example";

    private async Task<string> CreateAccountAsync(string role = "Councillor", int? supplierId = null)
    {
        using var admin = await app.ClientForAsync("Administrator");
        var email = NewEmail();
        using var response = await admin.PostAsJsonAsync("/auth/users", new { email, displayName = "Test user", password = "A-long-password-123", roles = new[] { role }, supplierId }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    [Fact]
    public async Task Login_RightPassword_ReturnsBearerTokenThatWorks()
    {
        var email = await CreateAccountAsync();
        var token = await app.SignInAsync(email, "A-long-password-123");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = await client.GetJsonAsync("/auth/me");
        Assert.Equal(email, me.GetProperty("name").GetString());
        Assert.Equal("Councillor", Assert.Single(me.GetProperty("roles").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Login_WrongPassword_Is401AndLogged()
    {
        var email = await CreateAccountAsync();
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/login", new { email, password = "wrong-password-000" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains($"Sign-in failed for {email}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_AfterFiveFailures_IsLockedEvenWithTheRightPassword()
    {
        var email = await CreateAccountAsync();
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
            (await client.PostAsJsonAsync("/auth/login", new { email, password = "wrong-password-000" }, Ct)).Dispose();
        using var response = await client.PostAsJsonAsync("/auth/login", new { email, password = "A-long-password-123" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithCookies_SetsACookieThatAuthenticates()
    {
        var email = await CreateAccountAsync();
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        using var login = await client.PostAsJsonAsync("/auth/login?useCookies=true", new { email, password = "A-long-password-123" }, Ct);
        Assert.True(login.IsSuccessStatusCode);
        using var response = await client.GetAsync("/odata/Procurements", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/auth/register")]
    [InlineData("/register")]
    public async Task SelfRegistration_DoesNotExist(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync(url, new { email = NewEmail(), password = "A-long-password-123" }, Ct);
        Assert.False(response.IsSuccessStatusCode);
        Assert.NotEqual(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task CreateAccount_ByNonAdministrator_Is403()
    {
        using var client = await app.ClientForAsync("ProcurementOfficer");
        using var response = await client.PostAsJsonAsync("/auth/users", new { email = NewEmail(), displayName = "x", password = "A-long-password-123", roles = new[] { "Administrator" } }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CreateAccount_SupplierWithoutSupplier_Is400SayingWhy()
    {
        using var admin = await app.ClientForAsync("Administrator");
        using var response = await admin.PostAsJsonAsync("/auth/users", new { email = NewEmail(), displayName = "x", password = "A-long-password-123", roles = new[] { "Supplier" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("names the supplier", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAccounts_Administrator_SeesEveryDemoAccount()
    {
        using var admin = await app.ClientForAsync("Administrator");
        var users = await admin.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/auth/users", Ct);
        var emails = users!.Select(u => u.GetProperty("email").GetString()).ToHashSet();
        foreach (var role in Governance.Api.Auth.Roles.All)
            Assert.Contains($"{role.ToLowerInvariant()}@demo.local", emails);
        Assert.Contains("supplier2@demo.local", emails);
    }

    [Fact]
    public async Task HostCommand_UsersAdd_CreatesAnAccountThatCanSignIn()
    {
        var email = NewEmail();
        Environment.SetEnvironmentVariable("GOVERNANCE_NEW_PASSWORD", "Another-long-password-1");
        try
        {
            var output = new StringWriter();
            var exit = await HostCommands.RunAsync(app.Services, ["users", "add", "--email", email, "--name", "Cmd User", "--role", "SlaOwner"], output);
            Assert.Equal(0, exit);
            Assert.Contains("Created", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GOVERNANCE_NEW_PASSWORD", null);
        }

        Assert.NotEmpty(await app.SignInAsync(email, "Another-long-password-1"));
    }

    [Theory]
    [InlineData("Password1234")]
    [InlineData("passwordpassword")]
    [InlineData("qwertyuiop12")]
    [InlineData("123456789012")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("short-one")]
    public async Task WeakPasswords_AreRefused(string password)
    {
        using var admin = await app.ClientForAsync("Administrator");
        using var response = await admin.PostAsJsonAsync("/auth/users", new { email = NewEmail(), displayName = "Weak", password, roles = new[] { "Councillor" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task APassphraseWithoutCompositionRules_IsAccepted()
    {
        using var admin = await app.ClientForAsync("Administrator");
        using var response = await admin.PostAsJsonAsync("/auth/users", new { email = NewEmail(), displayName = "Plain", password = "correct horse battery staple", roles = new[] { "Councillor" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheAccessAndRefreshTokens()
    {
        var email = await CreateAccountAsync();
        using var login = app.CreateClient();
        using var signedIn = await login.PostAsJsonAsync("/auth/login", new { email, password = "A-long-password-123" }, Ct);
        var tokens = await signedIn.JsonAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("accessToken").GetString());
        using (var before = await client.GetAsync("/auth/me", Ct))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using (var logout = await client.PostAsync("/auth/logout", null, Ct))
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using (var after = await client.GetAsync("/auth/me", Ct))
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        using var refresh = await login.PostAsJsonAsync("/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task ALockedAccount_CannotUseATokenIssuedBefore()
    {
        var email = await CreateAccountAsync();
        var token = await app.SignInAsync(email, "A-long-password-123");
        using var anonymous = app.CreateClient();
        for (var i = 0; i < 5; i++)
            (await anonymous.PostAsJsonAsync("/auth/login", new { email, password = "wrong-password-000" }, Ct)).Dispose();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.GetAsync("/odata/Contracts", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
