using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Auth;

/// <summary>Sign-in attempts from one address are throttled, whichever accounts they aim at.</summary>
public sealed class SignInThrottleTests
{
    [Fact]
    public async Task PastTheLimit_SignInIs429WithRetryAfter()
    {
        var database = SqliteAppBase.NewDatabaseFile();
        try
        {
            await using var app = new RestartableSqliteApp(database, new Dictionary<string, string?> { ["Auth:SignInPerAddressPerMinute"] = "3" });
            await app.InitializeAsync();
            using var client = app.CreateClient();
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 5; i++)
            {
                using var response = await client.PostAsJsonAsync("/auth/login", new { email = $"nobody{i}@council.example", password = "not a real password" }, TestContext.Current.CancellationToken);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    Assert.NotNull(response.Headers.RetryAfter);
            }

            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        }
        finally
        {
            SqliteAppBase.DeleteDatabase(database);
        }
    }
}
