using System.Diagnostics;

namespace Governance.Api.Tests.Audit;

/// <summary>The host's commands: a leading "--" is not part of the command, and verification never migrates or seeds.</summary>
public sealed class HostCommandTests
{
    [Theory]
    [InlineData(new[] { "--", "audit", "verify" }, "audit verify")]
    [InlineData(new[] { "audit", "verify" }, "audit verify")]
    [InlineData(new[] { "--urls", "http://localhost:5080" }, null)]
    [InlineData(new string[0], null)]
    public void TheCommandIsReadPastALeadingDoubleDash(string[] args, string? expected) =>
        Assert.Equal(expected, HostCommands.Command(args) is { } command ? string.Join(' ', command) : null);

    [Fact]
    public async Task AuditVerify_OnADatabaseNotYetCreated_SaysSo_AndCreatesNothing()
    {
        var database = Path.Combine(Path.GetTempPath(), $"governance-verify-{Guid.NewGuid():N}.db");
        try
        {
            var start = new ProcessStartInfo("dotnet", [typeof(HostCommands).Assembly.Location, "--", "audit", "verify"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["Database__ConnectionString"] = $"Data Source={database}";
            start.Environment["Jobs__Server"] = "false";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, process.ExitCode);
            Assert.Contains("No audit trail to verify", output, StringComparison.Ordinal);

            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            Assert.Equal(0L, await tables.ExecuteScalarAsync(TestContext.Current.CancellationToken)); // not migrated, not seeded
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}
