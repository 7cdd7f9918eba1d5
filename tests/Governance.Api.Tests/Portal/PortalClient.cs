using System.Text.RegularExpressions;
using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Governance.Api.Tests.Portal;

/// <summary>A browser-like client of the portal: it keeps cookies, and posts forms with the anti-forgery token the page gave.</summary>
internal static partial class PortalClient
{
    public static HttpClient Anonymous(GovernanceApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page, TestContext.Current.CancellationToken);
        return TokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"{page} has no anti-forgery token.");
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string returnUrl = "/")
    {
        var token = await TokenAsync(client, "/sign-in");
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
    }

    /// <summary>A client signed in to the portal as the demo account of a role.</summary>
    public static async Task<HttpClient> SignedInAsync(GovernanceApp app, string role)
    {
        var client = Anonymous(app);
        using var response = await SignInAsync(client, $"{role.ToLowerInvariant()}@demo.local", GovernanceApp.DemoPassword);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Portal sign-in as {role} answered {(int)response.StatusCode}.");
        return client;
    }
}
