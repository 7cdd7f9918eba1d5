using Governance.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Governance.Api.Tests.Data;

/// <summary>
/// The demo council goes only where it is asked for: a host started with Production settings on an empty database
/// leaves it empty but for reference data, and a database someone has started using never receives the demo.
/// </summary>
public sealed class ProductionStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<long> CountAsync(string file, string table)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task ProductionSettings_OnAnEmptyDatabase_LeaveItEmptyButForReferenceData_AndTheDemoIsNeverLoadedOverUse()
    {
        var file = SqliteAppBase.NewDatabaseFile();
        var keys = Directory.CreateTempSubdirectory("governance-keys-").FullName;
        var settings = new Dictionary<string, string> { ["Database:ConnectionString"] = $"Data Source={file}", ["DataProtection:KeysPath"] = keys };
        try
        {
            await using (var host = await HostProcess.StartAsync(settings, Ct))
            {
            }

            Assert.Equal(0, await CountAsync(file, "Departments"));
            Assert.Equal(0, await CountAsync(file, "Contracts"));
            Assert.Equal(0, await CountAsync(file, "AspNetUsers"));
            Assert.True(await CountAsync(file, "AspNetRoles") >= 11, "The roles are reference data");

            // An account made before anyone asks for the demo: asking for it now is refused.
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                await connection.OpenAsync(Ct);
                await using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName")
                    VALUES ('first-admin', 'admin@council.example', 'ADMIN@COUNCIL.EXAMPLE', 'admin@council.example', 'ADMIN@COUNCIL.EXAMPLE', 1, 0, 0, 1, 0, 'First administrator')
                    """;
                await insert.ExecuteNonQueryAsync(Ct);
            }

            await using (var host = await HostProcess.StartAsync(new Dictionary<string, string>(settings) { ["Database:SeedOnStartup"] = "true" }, Ct))
                Assert.Contains("Seed refused", host.Output, StringComparison.Ordinal);
            Assert.Equal(0, await CountAsync(file, "Departments"));
        }
        finally
        {
            SqliteAppBase.DeleteDatabase(file);
            Directory.Delete(keys, recursive: true);
        }
    }
}
