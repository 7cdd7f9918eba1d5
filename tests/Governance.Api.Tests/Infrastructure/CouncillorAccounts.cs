namespace Governance.Api.Tests.Infrastructure;

/// <summary>Councillor accounts of a test's own: on no committee until the test seats them.</summary>
public static class CouncillorAccounts
{
    private const string Password = "Councillor-password-1";

    /// <summary>A new councillor account, signed in now on the test's clock.</summary>
    public static async Task<(HttpClient Client, string Email)> NewAsync(GovernanceApp app, string displayName)
    {
        using var admin = await app.ClientForAsync("Administrator");
        var email = $"cllr-{Guid.NewGuid():N}@council.example";
        await TenderApi.CreatedAsync(admin, "/auth/users", new { email, displayName, password = Password, roles = new[] { "Councillor" } });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.SignInAsync(email, Password));
        return (client, email);
    }
}
