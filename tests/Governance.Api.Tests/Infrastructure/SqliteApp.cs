using Microsoft.Data.Sqlite;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The host on the embedded default, shared by the whole assembly.</summary>
public sealed class SqliteApp : SqliteAppBase;

/// <summary>The host on the embedded default: a SQLite file of its own in the temp folder.</summary>
public abstract class SqliteAppBase : GovernanceApp
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"governance-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = file }.ToString();

    /// <summary>Settings a variant of the host adds (for example an external identity provider).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override IReadOnlyDictionary<string, string?> DatabaseSettings => new Dictionary<string, string?>(ExtraSettings)
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = ConnectionString,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            File.Delete(path);
        GC.SuppressFinalize(this);
    }
}
