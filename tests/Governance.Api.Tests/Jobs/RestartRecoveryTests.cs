using Governance.Api.Jobs;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Governance.Api.Tests.Jobs;

/// <summary>
/// Work survives a restart on the embedded database, whose Hangfire storage is in memory: a pack that was queued when
/// the host stopped is made when it starts again, and a daily run that fell due while it was down runs at once.
/// </summary>
public sealed class RestartRecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<object?> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    [Fact]
    public async Task AQueuedPack_AndAMissedDailyRun_AreMadeWhenTheHostStartsAgain()
    {
        var folder = Directory.CreateTempSubdirectory("governance-restart-").FullName;
        var file = Path.Combine(folder, "governance.db");
        var settings = new Dictionary<string, string>
        {
            ["Database:ConnectionString"] = $"Data Source={file}",
            ["Database:SeedOnStartup"] = "true",
            ["DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
            ["Audit:KeyFile"] = Path.Combine(folder, "audit.key"),
            ["Jobs:Server"] = "true",
            ["Jobs:PollSeconds"] = "1",
        };
        try
        {
            await using (var first = await HostProcess.StartAsync(settings, Ct))
            {
            }

            // As the host left it when it was killed: a pack queued (Hangfire's queue died with the process), and the
            // contract reminders last run two days ago.
            var meeting = Convert.ToInt64(await ScalarAsync(file, "SELECT MIN(\"MeetingId\") FROM \"AgendaItems\""), System.Globalization.CultureInfo.InvariantCulture);
            await ScalarAsync(file, $"""
                INSERT INTO "DocumentJobs" ("MeetingId", "Status", "ItemsTotal", "ItemsDone", "DocumentsWritten", "RequestedBy", "RequestedAt", "PercentComplete", "Revision")
                VALUES ({meeting}, 'Queued', 0, 0, 0, 'democraticservicesofficer@demo.local', '2026-12-01 10:00:00', 0, 0)
                """);
            var job = (long)(await ScalarAsync(file, "SELECT MAX(\"Id\") FROM \"DocumentJobs\""))!;
            await ScalarAsync(file, $"UPDATE \"RecurringRuns\" SET \"LastRunAt\" = '{DateTime.UtcNow.AddDays(-2):yyyy-MM-dd HH:mm:ss}' WHERE \"Id\" = '{RecurringJobs.ContractReminders}'");

            await using (var second = await HostProcess.StartAsync(settings, Ct))
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while ((string?)await ScalarAsync(file, $"SELECT \"Status\" FROM \"DocumentJobs\" WHERE \"Id\" = {job}") != "Completed")
                {
                    Assert.True(DateTime.UtcNow < deadline, $"The queued pack was not made after the restart:\n{second.Output}");
                    await Task.Delay(500, Ct);
                }

                Assert.Contains("contract-reminders", second.Output, StringComparison.Ordinal);
                while (DateTime.Parse((string)(await ScalarAsync(file, $"SELECT \"LastRunAt\" FROM \"RecurringRuns\" WHERE \"Id\" = '{RecurringJobs.ContractReminders}'"))!, System.Globalization.CultureInfo.InvariantCulture) < DateTime.UtcNow.AddHours(-1))
                {
                    Assert.True(DateTime.UtcNow < deadline, $"The missed contract reminders did not run:\n{second.Output}");
                    await Task.Delay(500, Ct);
                }
            }

            Assert.True(Convert.ToInt64(await ScalarAsync(file, $"SELECT \"DocumentsWritten\" FROM \"DocumentJobs\" WHERE \"Id\" = {job}"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
