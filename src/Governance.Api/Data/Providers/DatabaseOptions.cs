namespace Governance.Api.Data.Providers;

/// <summary>The `Database` configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite it defaults to data/governance.db under the content root.</summary>
    public string? ConnectionString { get; set; }

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Loads the demo council into an empty database: Development only (appsettings.Development.json), never by default.</summary>
    public bool SeedOnStartup { get; set; }
}
