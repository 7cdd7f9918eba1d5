using Governance.Api.Tests.Infrastructure;
using Npgsql;

namespace Governance.Api.Tests.Workflows;

/// <summary>Two real host processes sharing PostgreSQL and Hangfire's PostgreSQL storage fire a due timer exactly once.</summary>
public sealed class TwoHostTimerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DueTimer_TwoHostProcessesOnPostgres_FiresExactlyOnce()
    {
        PostgresApp.RequireServer();
        var server = Environment.GetEnvironmentVariable(PostgresApp.Variable)!;
        var name = $"governance_twohost_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        var keys = Directory.CreateTempSubdirectory("governance-keys-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connectionString,
            ["DataProtection:KeysPath"] = keys,
            ["Database:SeedOnStartup"] = "true",
            ["Jobs:Server"] = "true",
            ["Jobs:PollSeconds"] = "1",
            ["Jobs:Workers"] = "4",
            ["Jobs:WorkflowTimersCron"] = "*/2 * * * * *",
        };
        try
        {
            await using var first = await HostProcess.StartAsync(settings, Ct); // migrates and seeds before the second starts
            await using var second = await HostProcess.StartAsync(settings, Ct);

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(Ct);
            var instance = await ScalarAsync<int>(connection, """SELECT "Id" FROM "WorkflowInstances" WHERE "SubjectType" = 'Escalation' LIMIT 1""");
            await ExecuteAsync(connection, $"""UPDATE "WorkflowInstances" SET "State" = 'Director' WHERE "Id" = {instance}""");
            await ExecuteAsync(connection, $"""
                INSERT INTO "WorkflowTimers" ("WorkflowInstanceId", "State", "Trigger", "DueAt")
                SELECT {instance}, 'Director', 'Escalate', now() - interval '1 minute' FROM generate_series(1, 1)
                """);

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && await ScalarAsync<long>(connection, $"""SELECT count(*) FROM "WorkflowTimers" WHERE "WorkflowInstanceId" = {instance} AND "FiredAt" IS NOT NULL""") == 0)
                await Task.Delay(500, Ct);
            await Task.Delay(TimeSpan.FromSeconds(6), Ct); // several more runs on both hosts

            Assert.Equal(1L, await ScalarAsync<long>(connection, $"""SELECT count(*) FROM "WorkflowTransitions" WHERE "WorkflowInstanceId" = {instance} AND "Trigger" = 'Escalate'"""));
            Assert.Equal("ScrutinyCommittee", await ScalarAsync<string>(connection, $"""SELECT "State" FROM "WorkflowInstances" WHERE "Id" = {instance}"""));
            Assert.Equal("fired: Director to ScrutinyCommittee", await ScalarAsync<string>(connection, $"""SELECT "Outcome" FROM "WorkflowTimers" WHERE "WorkflowInstanceId" = {instance} AND "Trigger" = 'Escalate' AND "FiredAt" IS NOT NULL"""));
            Assert.Equal(2L, await ScalarAsync<long>(connection, """SELECT count(DISTINCT id) FROM hangfire.server"""));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
            await admin.OpenAsync(CancellationToken.None);
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            Directory.Delete(keys, recursive: true);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(CancellationToken.None))!;
    }
}
