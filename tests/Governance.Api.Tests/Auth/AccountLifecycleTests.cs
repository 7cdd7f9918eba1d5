using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Auth;

/// <summary>An account's life through the API: disable and enable, roles, unlock, sessions, reset codes and the holder's own password.</summary>
public sealed class AccountLifecycleTests(SqliteApp app)
{
    private const string Password = "A-long-password-123";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Id, string Email)> AccountAsync(string role = "Councillor")
    {
        using var admin = await app.ClientForAsync("Administrator");
        var email = $"member-{Guid.NewGuid():N}@council.example";
        using var created = await admin.PostAsJsonAsync("/auth/users", new { email, displayName = "Cllr Test", password = Password, roles = new[] { role } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!, email);
    }

    private HttpClient Bearer(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task<HttpStatusCode> SignInStatusAsync(string email, string password)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/login", new { email, password }, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task ADisabledAccount_StopsAtOnce_AndComesBackWhenEnabled()
    {
        var (id, email) = await AccountAsync();
        using var session = Bearer(await app.SignInAsync(email, Password));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/auth/me", Ct)).StatusCode);
        using var admin = await app.ClientForAsync("Administrator");

        using var noReason = await admin.PostAsJsonAsync($"/auth/users/{id}/disable", new { }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var disabled = await admin.PostAsJsonAsync($"/auth/users/{id}/disable", new { reason = "Lost their seat at the May election" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(email, Password));
        var view = await admin.GetJsonAsync($"/auth/users/{id}");
        Assert.Equal("Lost their seat at the May election", view.GetProperty("disabledReason").GetString());
        using var again = await admin.PostAsJsonAsync($"/auth/users/{id}/disable", new { reason = "Again" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("account-disabled", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/auth/users/{id}/unlock", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/auth/users/{id}/enable", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(email, Password));
    }

    [Fact]
    public async Task ChangingRoles_EndsTheSessions_AndTheNextSignInHasTheNewRoles()
    {
        var (id, email) = await AccountAsync();
        using var session = Bearer(await app.SignInAsync(email, Password));
        using var admin = await app.ClientForAsync("Administrator");

        using var unknown = await admin.PutAsJsonAsync($"/auth/users/{id}/roles", new { roles = new[] { "Emperor" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var changed = await admin.PutAsJsonAsync($"/auth/users/{id}/roles", new { roles = new[] { "SlaOwner" } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/auth/me", Ct)).StatusCode);
        using var renewed = Bearer(await app.SignInAsync(email, Password));
        Assert.Equal(["SlaOwner"], (await renewed.GetJsonAsync("/auth/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["SlaOwner"], (await admin.GetJsonAsync($"/auth/users/{id}")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Unlock_EndsALockout_AndRevokingSessionsEndsThem()
    {
        var (id, email) = await AccountAsync();
        for (var i = 0; i < 5; i++)
            await SignInStatusAsync(email, "wrong-password-000");
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(email, Password));
        using var admin = await app.ClientForAsync("Administrator");
        Assert.True((await admin.GetJsonAsync($"/auth/users/{id}")).GetProperty("lockedOut").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/auth/users/{id}/unlock", null, Ct)).StatusCode);
        using var session = Bearer(await app.SignInAsync(email, Password));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/auth/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/auth/users/{id}/revoke-sessions", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/auth/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task AResetCode_SetsANewPasswordOnce()
    {
        var (id, email) = await AccountAsync();
        using var admin = await app.ClientForAsync("Administrator");
        var code = (await (await admin.PostAsync($"/auth/users/{id}/reset-code", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString();
        using var anonymous = app.CreateClient();

        using var wrongEmail = await anonymous.PostAsJsonAsync("/auth/reset-password", new { email = "nobody@council.example", code, newPassword = "A-new-long-password-9" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongEmail.StatusCode);
        using var reset = await anonymous.PostAsJsonAsync("/auth/reset-password", new { email, code, newPassword = "A-new-long-password-9" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(email, "A-new-long-password-9"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(email, Password));

        using var reused = await anonymous.PostAsJsonAsync("/auth/reset-password", new { email, code, newPassword = "Yet-another-password-7" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        // A wrong e-mail and a spent code get the same words: the answer says nothing about which accounts exist.
        Assert.Contains("the reset code is wrong", await wrongEmail.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("the reset code is wrong", await reused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHolder_ChangesTheirOwnPassword_WithTheCurrentOne_AndEverySessionEnds()
    {
        var (_, email) = await AccountAsync();
        using var session = Bearer(await app.SignInAsync(email, Password));

        using var wrong = await session.PostAsJsonAsync("/auth/me/password", new { currentPassword = "not-my-password-1", newPassword = "A-new-long-password-9" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        using var changed = await session.PostAsJsonAsync("/auth/me/password", new { currentPassword = Password, newPassword = "A-new-long-password-9" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(email, "A-new-long-password-9"));
    }

    [Fact]
    public async Task OnlyAdministrators_ManageAccounts_NotTheirOwnDisablement_AndEveryChangeIsAudited()
    {
        var (id, _) = await AccountAsync();
        using var manager = await app.ClientForAsync("ContractManager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/auth/users/{id}/disable", new { reason = "No" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/auth/users/{id}", Ct)).StatusCode);

        using var admin = await app.ClientForAsync("Administrator");
        var self = (await admin.GetJsonAsync("/auth/users")).EnumerateArray().Single(u => u.GetProperty("email").GetString() == "administrator@demo.local").GetProperty("id").GetString();
        using var own = await admin.PostAsJsonAsync($"/auth/users/{self}/disable", new { reason = "Leaving" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("account-self", await own.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/auth/users/no-such-account/unlock", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/auth/users/{id}/disable", new { reason = "Left the council" }, Ct)).StatusCode);
        var audited = (await admin.GetJsonAsync($"/odata/AuditEntries?$filter=EntityKey eq '{id}'&$orderby=Sequence")).GetProperty("value").EnumerateArray().ToList();
        Assert.Contains(audited, e => e.GetProperty("Actor").GetString() == "administrator@demo.local" && e.GetRawText().Contains("Left the council", StringComparison.Ordinal));
        Assert.All(audited, e => Assert.DoesNotContain("AQAAAA", e.GetRawText(), StringComparison.Ordinal)); // no password hash
    }
}
