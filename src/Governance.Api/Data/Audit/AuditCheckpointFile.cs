using System.Text.Json;
using Governance.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data.Audit;

/// <summary>
/// Signed checkpoints of the audit chain, one JSON line each, appended to a file outside the database. An operator
/// sets <c>Audit:CheckpointFile</c> to storage the database's administrators cannot write (or a file shipped to an
/// external log); by default it lies beside the database: a SQLite file's own name with <c>.audit-checkpoints.jsonl</c>,
/// or data/&lt;database&gt;.audit-checkpoints.jsonl for a database server, so that two databases never share one.
/// </summary>
public sealed class AuditCheckpointFile(IConfiguration configuration, IHostEnvironment environment, GovernanceDbContext db)
{
    private static readonly Lock Gate = new();

    public string FilePath { get; } = configuration["Audit:CheckpointFile"] is { Length: > 0 } configured
        ? Path.GetFullPath(configured, environment.ContentRootPath)
        : DefaultPath(db, environment.ContentRootPath);

    private static string DefaultPath(GovernanceDbContext db, string contentRoot)
    {
        var connection = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = db.Database.GetConnectionString() ?? "" };
        string? Value(string name) => connection.TryGetValue(name, out var value) ? value?.ToString() : null;
        if (Value("Data Source") is { Length: > 0 } file && db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
            return Path.GetFullPath(file, contentRoot) + ".audit-checkpoints.jsonl";
        var database = Value("Database") ?? Value("Initial Catalog") ?? "governance";
        return Path.Combine(contentRoot, "data", $"{database}.audit-checkpoints.jsonl");
    }

    public void Append(AuditCheckpoint checkpoint)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.AppendAllText(FilePath, JsonSerializer.Serialize(checkpoint) + "\n");
        }
    }

    /// <summary>Every checkpoint in the file, in order; a line that is not a checkpoint is reported by its number.</summary>
    public (IReadOnlyList<AuditCheckpoint> Checkpoints, int? UnreadableLine) Read()
    {
        if (!File.Exists(FilePath))
            return ([], null);
        var checkpoints = new List<AuditCheckpoint>();
        var number = 0;
        foreach (var line in File.ReadLines(FilePath))
        {
            number++;
            if (line.Length == 0)
                continue;
            try
            {
                checkpoints.Add(JsonSerializer.Deserialize<AuditCheckpoint>(line) ?? throw new JsonException());
            }
            catch (JsonException)
            {
                return (checkpoints, number);
            }
        }
        return (checkpoints, null);
    }
}
