using Governance.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Data;

/// <summary>
/// A backup is only as good as its restore: `backup FILE` copies the SQLite database while the server serves, and a
/// host started on the restored copy (or on a copy made with VACUUM INTO, which is not in WAL mode) comes up healthy
/// with the records and an intact audit chain.
/// </summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<long> ContractsWithReferenceAsync(string file, string reference)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Contracts\" WHERE \"Id\" = $id";
        command.Parameters.AddWithValue("$id", reference);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task ABackup_AndAVacuumIntoCopy_RestoreAndStart_WithTheirRecordsAndAnIntactAuditChain()
    {
        var folder = Directory.CreateTempSubdirectory("governance-backup-").FullName;
        var live = Path.Combine(folder, "live.db");
        var backup = Path.Combine(folder, "backup.db");
        var vacuumed = Path.Combine(folder, "vacuumed.db");
        var auditKey = Path.Combine(folder, "audit.key"); // kept apart from the database in production; restored with it
        try
        {
            int contract;
            await using (var app = new RestartableSqliteApp(live, new Dictionary<string, string?> { ["Audit:KeyFile"] = auditKey }))
            {
                await app.InitializeAsync();
                using var manager = await app.ClientForAsync("ContractManager");
                contract = await ContractAsync(manager);

                // Online, while the host serves.
                using var output = new StringWriter();
                Assert.Equal(0, await HostCommands.RunAsync(app.Services, ["backup", backup], output));
                Assert.Contains("audit checkpoints", output.ToString(), StringComparison.Ordinal);
                using var again = new StringWriter();
                Assert.Equal(1, await HostCommands.RunAsync(app.Services, ["backup", backup], again)); // never overwrites
            }

            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = live, Pooling = false }.ToString()))
            {
                await connection.OpenAsync(Ct);
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = $"VACUUM INTO '{vacuumed}'";
                await vacuum.ExecuteNonQueryAsync(Ct);
            }

            foreach (var restored in new[] { backup, vacuumed })
            {
                var settings = new Dictionary<string, string>
                {
                    ["Database:ConnectionString"] = $"Data Source={restored}",
                    ["DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
                    ["Audit:KeyFile"] = auditKey,
                    ["Audit:CheckpointFile"] = (restored == backup ? backup : live) + ".audit-checkpoints.jsonl",
                };
                await using (var host = await HostProcess.StartAsync(settings, Ct))
                {
                }

                Assert.Equal(1, await ContractsWithReferenceAsync(restored, contract.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var (exit, printed) = await HostProcess.RunCommandAsync(settings, ["audit", "verify"], Ct);
                Assert.True(exit == 0, printed);
                Assert.Contains("Audit chain intact", printed, StringComparison.Ordinal);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
