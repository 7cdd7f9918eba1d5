using Microsoft.Data.Sqlite;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The host on the embedded default, shared by the whole assembly.</summary>
public sealed class SqliteApp : SqliteAppBase;

/// <summary>A host with a database of its own, for test classes that need one (their tests run one after another).</summary>
public sealed class IsolatedSqliteApp : SqliteAppBase;

/// <summary>
/// A host on a given SQLite file with extra settings, for tests that restart the host on the same database.
/// The file outlives the host; the test deletes it.
/// </summary>
public sealed class RestartableSqliteApp(string file, IReadOnlyDictionary<string, string?> settings) : SqliteAppBase(file, ownsFile: false)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings;
}

/// <summary>The host on the embedded default: a SQLite file of its own in the temp folder.</summary>
public abstract class SqliteAppBase(string? file = null, bool ownsFile = true) : GovernanceApp
{
    private readonly string file = file ?? NewDatabaseFile();

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = file }.ToString();

    /// <summary>Settings a variant of the host adds (for example an external identity provider).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override IReadOnlyDictionary<string, string?> DatabaseSettings => new Dictionary<string, string?>(ExtraSettings)
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = ConnectionString,
    };

    public static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), $"governance-test-{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + ".audit-checkpoints.jsonl" })
            File.Delete(path);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsFile)
            DeleteDatabase(file);
        GC.SuppressFinalize(this);
    }
}
