using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Benchmarks.Harness;

/// <summary>
/// The real host on a database of its own (a SQLite file, or a new PostgreSQL database removed afterwards), without
/// seed data or a job server: scenarios fill and drive it.
/// </summary>
internal sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly string keys = Directory.CreateTempSubdirectory("governance-bench-keys-").FullName;
    private ScratchDatabase database = null!;

    public string ConnectionString => database.ConnectionString;

    static BenchmarkHost()
    {
        // Outside a test project WebApplicationFactory cannot find the API's folder by itself.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GOVERNANCE_API", Path.Combine(Repository.Root, "src", "Governance.Api"));
    }

    private bool seed;

    private Action<IApplicationBuilder>? prepend;

    /// <param name="seed">Load seed/ at start-up (scale S), as the real host does on an empty database.</param>
    /// <param name="prepend">Middleware put before the host's own, for a baseline served over the same HTTP.</param>
    public static BenchmarkHost Start(bool seed = false, Action<IApplicationBuilder>? prepend = null) =>
        Start(ScratchDatabase.Sqlite("governance-bench"), seed, prepend);

    /// <summary>The host on a new database of the PostgreSQL server that <paramref name="adminConnectionString"/> reaches.</summary>
    public static async Task<BenchmarkHost> StartPostgresAsync(string adminConnectionString) =>
        Start(await ScratchDatabase.PostgresAsync(adminConnectionString, "governance_bench"), seed: false, prepend: null);

    private static BenchmarkHost Start(ScratchDatabase database, bool seed, Action<IApplicationBuilder>? prepend)
    {
        var host = new BenchmarkHost { database = database, seed = seed, prepend = prepend };
        try
        {
            host.CreateClient().Dispose();
            return host;
        }
        catch
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult(); // removes the new database
            throw;
        }
    }

    /// <summary>A client signed in with a new account of the given role.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role)
    {
        var email = $"bench-{Guid.NewGuid():N}@council.example";
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new NewAccount(email, "Benchmark", "Benchmark-password-1", [role], null));
        }

        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(30); // scenarios time their own requests
        using var login = await client.PostAsJsonAsync("/auth/login", new { email, password = "Benchmark-password-1" });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:SeedOnStartup", seed ? "true" : "false");
        builder.UseSetting("Jobs:Server", "false");
        builder.UseSetting("Auth:SignInPerAddressPerMinute", "100000"); // scenarios sign many accounts in from one address
        builder.UseSetting("DataProtection:KeysPath", keys);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (prepend is { } first)
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Prepended(first)));
        if (Environment.GetEnvironmentVariable("BENCH_SQL") is not null)
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(keys, recursive: true);
    }

    private sealed class Prepended(Action<IApplicationBuilder> first) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            first(app);
            next(app);
        };
    }
}
