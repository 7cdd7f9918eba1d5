using Npgsql;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The host on PostgreSQL, in a database of its own, when GOVERNANCE_TEST_POSTGRES holds a connection string to
/// a server (CI starts one); otherwise the tests that use it skip and say why.
/// </summary>
public sealed class PostgresApp : GovernanceApp
{
    public const string Variable = "GOVERNANCE_TEST_POSTGRES";

    private static readonly string? ServerConnection = Environment.GetEnvironmentVariable(Variable);
    private readonly string database = $"governance_test_{Guid.NewGuid():N}";

    public static bool IsAvailable => !string.IsNullOrWhiteSpace(ServerConnection);

    protected override bool CanStart => IsAvailable;

    public static string SkipReason => $"PostgreSQL tests need a server: set {Variable} to a connection string (.ci/run starts one on 127.0.0.1).";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnection) { Database = database }.ToString();

    protected override IReadOnlyDictionary<string, string?> DatabaseSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = ConnectionString,
    };

    /// <summary>Skips the calling test unless a server is configured.</summary>
    public static void RequireServer()
    {
        Assert.SkipUnless(IsAvailable, SkipReason);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (IsAvailable)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Database = "postgres" }.ToString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        GC.SuppressFinalize(this);
    }
}
