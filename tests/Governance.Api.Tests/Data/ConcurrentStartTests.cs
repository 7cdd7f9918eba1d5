using Governance.Api.Tests.Infrastructure;
using Npgsql;

namespace Governance.Api.Tests.Data;

/// <summary>Any number of hosts can start together on one empty PostgreSQL database: creation and migrations are serialised.</summary>
public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task TwoHosts_StartingAtOnce_OnAnEmptyPostgresDatabase_BothComeUp()
    {
        PostgresApp.RequireServer();
        var ct = TestContext.Current.CancellationToken;
        var server = Environment.GetEnvironmentVariable(PostgresApp.Variable)!;
        var name = $"governance_together_{Guid.NewGuid():N}";
        var keys = Directory.CreateTempSubdirectory("governance-keys-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(),
            ["DataProtection:KeysPath"] = keys,
            ["Jobs:Server"] = "true",
        };
        try
        {
            var hosts = await Task.WhenAll(HostProcess.StartAsync(settings, ct), HostProcess.StartAsync(settings, ct));
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }
}
