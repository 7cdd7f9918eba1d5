
namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own, in a temporary data directory, that the test may stop and start (the shared
/// server of GOVERNANCE_TEST_POSTGRES serves every other test and must stay up). Needs the PostgreSQL 15 binaries
/// and root, to run them as the postgres user; the calling test skips with the reason otherwise.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ThrowAwayPostgres : IAsyncDisposable
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";
    private readonly string data;
    private readonly int port;

    private ThrowAwayPostgres(string data, int port)
    {
        this.data = data;
        this.port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=governance;Pooling=true;Timeout=5";

    public static string? WhyNot =>
        !File.Exists(Path.Combine(Binaries, "pg_ctl")) ? $"stopping PostgreSQL under load needs a server of the test's own: {Binaries} is missing"
        : Environment.UserName != "root" ? "stopping PostgreSQL under load needs a server of the test's own, started as the postgres user, which needs root"
        : null;

    public static async Task<ThrowAwayPostgres> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("governance-pg-").FullName;
        StorageFaults.Run("chown", "postgres:postgres", data);
        var server = new ThrowAwayPostgres(data, HostProcess.FreePort());
        AsPostgres($"{Binaries}/initdb -D '{data}' --auth=trust -U postgres -E UTF8 --locale=C.UTF-8");
        await server.StartAgainAsync();
        return server;
    }

    public Task StartAgainAsync()
    {
        AsPostgres($"{Binaries}/pg_ctl -D '{data}' -l '{data}/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p {port} -k '{data}' -c fsync=off\" start");
        return Task.CompletedTask;
    }

    /// <summary>A fast shutdown: open sessions are ended, as when an administrator restarts the server.</summary>
    public void Stop() => AsPostgres($"{Binaries}/pg_ctl -D '{data}' -m fast -w stop");

    public ValueTask DisposeAsync()
    {
        try
        {
            AsPostgres($"{Binaries}/pg_ctl -D '{data}' -m immediate stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(data, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static void AsPostgres(string command) => StorageFaults.Run("su", "postgres", "-s", "/bin/sh", "-c", command);
}
