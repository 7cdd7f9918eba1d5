using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Governance.Api.Tests.Platform;

/// <summary>
/// What `dotnet publish` produces runs on its own, away from the repository: started with Production settings on an
/// empty database it finds its workflows, creates the schema and nothing else, is ready, takes its first administrator
/// from the host command, keeps its data-protection keys in the database when told to, and believes X-Forwarded-Proto
/// only when forwarded headers are enabled (then HTTPS requests get HSTS).
/// </summary>
public sealed class PublishTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The configuration these tests (and so the API beside them) were built in: publish that build, not another.</summary>
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string Project()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "src", "Governance.Api", "Governance.Api.csproj");
            if (File.Exists(project))
                return project;
        }

        throw new InvalidOperationException("The repository's src/Governance.Api was not found above the test's folder.");
    }

    private static async Task<long> CountAsync(string file, string table)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task ThePublishedOutput_StartsAloneInProduction_EmptyAndReady()
    {
        var root = Directory.CreateTempSubdirectory("governance-publish-").FullName;
        var output = Path.Combine(root, "app");
        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "run")).FullName; // not under the repository
        var database = Path.Combine(root, "governance.db");
        try
        {
            // The tests' own build, published as is (no second compilation).
            using (var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Project(), "--no-build", "--no-restore", "-c", Configuration, "-o", output])
                   { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!)
            {
                var log = await publish.StandardOutput.ReadToEndAsync(Ct) + await publish.StandardError.ReadToEndAsync(Ct);
                await publish.WaitForExitAsync(Ct);
                Assert.True(publish.ExitCode == 0, log);
            }

            Assert.True(File.Exists(Path.Combine(output, "workflows", "kpi-escalation.json")));
            Assert.True(File.Exists(Path.Combine(output, "seed", "schema", "accounts.schema.json")));

            var build = new HostProcess.Build(Path.Combine(output, "Governance.Api.dll"), elsewhere);
            var settings = new Dictionary<string, string>
            {
                ["Database:ConnectionString"] = $"Data Source={database}",
                ["DataProtection:Store"] = "Database",
                ["Audit:KeyFile"] = Path.Combine(root, "audit.key"),
                ["ForwardedHeaders:Enabled"] = "true",
                ["Smtp:PublicBaseUrl"] = "https://governance.council.example",
            };
            await using (var host = await HostProcess.StartAsync(settings, Ct, build))
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}") };
                using (var ready = await client.GetAsync("/health/ready", Ct))
                    Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                Assert.Contains("Production setting not given: Smtp:Host", host.Output, StringComparison.Ordinal);

                using var direct = new HttpRequestMessage(HttpMethod.Get, "/health/live");
                direct.Headers.Host = "governance.council.example";
                using (var plain = await client.SendAsync(direct, Ct))
                    Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
                using var behindProxy = new HttpRequestMessage(HttpMethod.Get, "/health/live");
                behindProxy.Headers.Add("X-Forwarded-Proto", "https");
                behindProxy.Headers.Host = "governance.council.example"; // HSTS is never sent to localhost
                using (var forwarded = await client.SendAsync(behindProxy, Ct))
                    Assert.True(forwarded.Headers.Contains("Strict-Transport-Security"), "HSTS on a request the proxy received over HTTPS");
            }

            Assert.Equal(0, await CountAsync(database, "Departments"));
            Assert.Equal(0, await CountAsync(database, "Contracts"));
            Assert.Equal(0, await CountAsync(database, "AspNetUsers"));

            // The first administrator, by the host command of the published output; signing in then makes the first data-protection key.
            var administrator = new Dictionary<string, string>(settings) { ["GOVERNANCE_NEW_PASSWORD"] = "A-long-first-password-2026" };
            var (exit, printed) = await HostProcess.RunCommandAsync(administrator, ["users", "add", "--email", "it@council.example", "--name", "IT service desk", "--role", "Administrator"], Ct, build);
            Assert.True(exit == 0, printed);
            await using (var host = await HostProcess.StartAsync(settings, Ct, build))
            {
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}") };
                using var login = await client.PostAsJsonAsync("/auth/login", new { email = "it@council.example", password = "A-long-first-password-2026" }, Ct);
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
                Assert.True(JsonDocument.Parse(await login.Content.ReadAsStringAsync(Ct)).RootElement.TryGetProperty("accessToken", out _));
            }

            Assert.True(await CountAsync(database, "DataProtectionKeys") >= 1, "The key is kept in the database, where every host finds it");
            Assert.False(Directory.Exists(Path.Combine(elsewhere, "data", "keys")), "No key folder beside the working directory");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
