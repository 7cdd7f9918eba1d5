using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Governance.Benchmarks.Harness;

/// <summary>
/// The real host on a database of its own (a SQLite file, or a new PostgreSQL database removed afterwards), without
/// seed data or a job server: scenarios fill and drive it.
/// </summary>
internal sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"governance-bench-{Guid.NewGuid():N}.db");
    private readonly string keys = Directory.CreateTempSubdirectory("governance-bench-keys-").FullName;
    private string? postgresAdmin;
    private string? postgresDatabase;

    public bool IsPostgres => postgresDatabase is not null;

    public string ConnectionString => postgresDatabase is not null
        ? new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = postgresDatabase, Pooling = true }.ConnectionString
        : new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();

    static BenchmarkHost()
    {
        // Outside a test project WebApplicationFactory cannot find the API's folder by itself.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GOVERNANCE_API", Path.Combine(Repository.Root, "src", "Governance.Api"));
    }

    private bool seed;

    /// <param name="seed">Load seed/ at start-up (scale S), as the real host does on an empty database.</param>
    public static BenchmarkHost Start(bool seed = false)
    {
        var host = new BenchmarkHost { seed = seed };
        host.CreateClient().Dispose();
        return host;
    }

    /// <summary>The host on a new database of the PostgreSQL server that <paramref name="adminConnectionString"/> reaches.</summary>
    public static async Task<BenchmarkHost> StartPostgresAsync(string adminConnectionString)
    {
        var name = $"governance_bench_{Guid.NewGuid():N}"[..32];
        await ExecutePostgresAsync(adminConnectionString, $"CREATE DATABASE {name}");
        var host = new BenchmarkHost { postgresAdmin = adminConnectionString, postgresDatabase = name };
        try
        {
            host.CreateClient().Dispose();
            return host;
        }
        catch
        {
            await host.DisposeAsync(); // drops the new database
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
        using var login = await client.PostAsJsonAsync("/auth/login", new { email, password = "Benchmark-password-1" });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Database:Provider", IsPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:SeedOnStartup", seed ? "true" : "false");
        builder.UseSetting("Jobs:Server", "false");
        builder.UseSetting("DataProtection:KeysPath", keys);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (Environment.GetEnvironmentVariable("BENCH_SQL") is not null)
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        DeleteDatabase(file);
        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecutePostgresAsync(postgresAdmin!, $"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)");
        }

        Directory.Delete(keys, recursive: true);
    }

    /// <summary>One statement on a PostgreSQL server, outside any database the host uses (creating and dropping them).</summary>
    public static async Task ExecutePostgresAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A SQLite database file with its write-ahead log and shared-memory index.</summary>
    public static void DeleteDatabase(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            File.Delete(path);
    }
}
