using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The API host on its own database, started once per test assembly and shared by the tests (each test makes
/// its own records or reads seed data it does not change). Subclasses choose the provider.
/// </summary>
public abstract class GovernanceApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Governance-Demo-2026!";
    public const string DemoAccessToken = "gov_pat_test-demo-token-for-the-seeded-contract-manager";

    private readonly ConcurrentDictionary<string, string> tokens = new();
    private readonly string keysFolder = Path.Combine(Path.GetTempPath(), "governance-tests", Guid.NewGuid().ToString("N"), "keys");

    public CapturedLogs Logs { get; } = new();

    /// <summary>Whether this host can start here (its database server exists).</summary>
    protected virtual bool CanStart => true;

    /// <summary>Database settings of this provider.</summary>
    protected abstract IReadOnlyDictionary<string, string?> DatabaseSettings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:SeedOnStartup", "true"); // the tests read and extend the demo council
        builder.UseSetting("Seed:DemoAccounts", "true");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
        builder.UseSetting("Seed:DemoAccessToken", DemoAccessToken);
        builder.UseSetting("DataProtection:KeysPath", keysFolder);
        // Tests run jobs themselves, at the times they choose; no background server competes with them.
        builder.UseSetting("Jobs:Server", "false");
        builder.UseSetting("Auth:SignInPerAddressPerMinute", "100000"); // every test client shares one address; SignInThrottleTests uses a low limit
        foreach (var (key, value) in DatabaseSettings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(TestClock.Instance);
            services.Configure<TestServerOptions>(options => options.PreserveExecutionContext = true);
        });
    }

    /// <summary>
    /// Starts the host before any test runs: WebApplicationFactory is not safe to start from parallel tests,
    /// and a start migrates and seeds the database.
    /// </summary>
    public ValueTask InitializeAsync()
    {
        if (CanStart)
            CreateClient().Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Hangfire logs through one provider for the whole process, made from the logger factory of the host that
    /// configured it last. Once that host's factory is disposed, every other host of the test run fails to create
    /// a Hangfire object (a job client, so any request to a controller that takes one) until yet another host
    /// starts. Hand Hangfire no logger before this host's factory goes.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client signed in as the demo account of a role (e.g. councillor@demo.local), or by e-mail.</summary>
    public async Task<HttpClient> ClientForAsync(string roleOrEmail)
    {
        var email = roleOrEmail.Contains('@', StringComparison.Ordinal) ? roleOrEmail : $"{roleOrEmail.ToLowerInvariant()}@demo.local";
        // A token is issued and checked on the test's own clock: one that travelled signs in again.
        var key = $"{email} {TestClock.CurrentOffset.Ticks}";
        if (!tokens.TryGetValue(key, out var token))
        {
            token = await SignInAsync(email, DemoPassword);
            tokens[key] = token;
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> SignInAsync(string email, string password)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }
}
