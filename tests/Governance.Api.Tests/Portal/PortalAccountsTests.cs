using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's administrator pages: an account created here gets its password from a one-time code; disabled here,
/// its holder's next request fails; an administrator cannot lock themselves out; nobody else gets in.
/// </summary>
public sealed partial class PortalAccountsTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<code class=\"council-code\">([^<]+)</code>")]
    private static partial Regex Code();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string? handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, page);
        return await client.PostAsync(handler is null ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task AnAdministrator_CreatesAnAccount_TheHolderSetsAPassword_AndDisablingItStopsTheirNextRequest()
    {
        using var admin = await PortalClient.SignedInAsync(app, "Administrator");
        var email = $"new-{Guid.NewGuid():N}"[..16] + "@council.example";
        using (var empty = await PostAsync(admin, "/admin/accounts", null, new() { ["email"] = "", ["name"] = "" }))
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var created = await PostAsync(admin, "/admin/accounts", null, new() { ["email"] = email, ["name"] = "Sam Officer", ["role"] = "ContractManager" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString.Split('?')[0];

        using var reset = await PostAsync(admin, page, "Reset", []);
        var code = WebUtility.HtmlDecode(Code().Match(await reset.Content.ReadAsStringAsync(Ct)).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(code));
        using var anonymous = app.CreateClient();
        using (var set = await anonymous.PostAsJsonAsync("/auth/reset-password", new { Email = email, Code = code, NewPassword = "A long passphrase for Sam 7" }, Ct))
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        using var holder = PortalClient.Anonymous(app);
        using (var signIn = await PortalClient.SignInAsync(holder, email, "A long passphrase for Sam 7"))
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync(Ct)}");
        using (var before = await holder.GetAsync("/notifications", Ct))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using (var noReason = await PostAsync(admin, page, "Disable", new() { ["reason"] = "" }))
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using (var disabled = await PostAsync(admin, page, "Disable", new() { ["reason"] = "Left the council on 30 November." }))
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using (var after = await holder.GetAsync("/notifications", Ct))
        {
            // The session has ended: the browser is sent to sign in again, and the sign-in is refused.
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/sign-in", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        using (var again = await PortalClient.SignInAsync(holder, email, "A long passphrase for Sam 7"))
            Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Left the council on 30 November.", await admin.GetStringAsync(page, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministrator_CannotLockThemselvesOut_AndNobodyElseGetsIn()
    {
        using var api = await app.ClientForAsync("Administrator");
        var me = (await api.GetJsonAsync("/auth/users")).EnumerateArray().Single(u => u.GetProperty("email").GetString() == "administrator@demo.local").GetProperty("id").GetString();
        using var admin = await PortalClient.SignedInAsync(app, "Administrator");
        using (var self = await PostAsync(admin, $"/admin/accounts/{me}", "Roles", new() { ["roles"] = "Councillor" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
            Assert.Contains("cannot take the Administrator role from their own account", await self.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using (var forbidden = await councillor.GetAsync("/admin/accounts", Ct))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
