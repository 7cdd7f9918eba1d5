using Governance.Api.Data;
using Governance.Api.Infrastructure;
using Governance.Workflows.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows;

public static class WorkflowStartup
{
    /// <summary>
    /// Loads workflows/, refusing to start on any problem (file, JSON path, what is wrong); stores each new
    /// definition version; and parses every stored version, since instances keep the version they started on.
    /// </summary>
    public static async Task InitialiseWorkflowsAsync(IServiceProvider scoped, CancellationToken ct)
    {
        var configuration = scoped.GetRequiredService<IConfiguration>();
        var environment = scoped.GetRequiredService<IHostEnvironment>();
        var folder = ContentFolders.Find("workflows", WorkflowDefinitionLoader.SchemaFile, configuration["Workflows:Path"], environment.ContentRootPath);
        var loader = new WorkflowDefinitionLoader(scoped.GetRequiredService<WorkflowVocabulary>());
        var files = loader.LoadDirectory(folder);

        var db = scoped.GetRequiredService<GovernanceDbContext>();
        var stored = await db.Set<WorkflowDefinitionRecord>().AsNoTracking().ToDictionaryAsync(r => r.Key, ct);
        var now = scoped.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var definition in files)
        {
            if (stored.TryGetValue(definition.Key, out var record))
            {
                if (record.ContentHash != definition.ContentHash)
                {
                    throw new WorkflowDefinitionException(definition.SourceFile, "$.version",
                        $"version {definition.Version} of '{definition.Id}' has changed since instances started on it; give the changed file a new version");
                }

                continue;
            }

            var added = new WorkflowDefinitionRecord
            {
                Key = definition.Key, DefinitionId = definition.Id, Version = definition.Version, ContentHash = definition.ContentHash,
                SourceFile = definition.SourceFile, Json = await File.ReadAllTextAsync(Path.Combine(folder, definition.SourceFile), ct), LoadedAt = now,
            };
            db.Add(added);
            stored[added.Key] = added;
        }

        await db.SaveChangesAsync(ct);

        var registry = scoped.GetRequiredService<WorkflowDefinitions>();
        var schema = WorkflowDefinitionLoader.ReadSchema(folder);
        foreach (var record in stored.Values)
            registry.Add(loader.LoadFile(record.SourceFile, record.Json, schema));
        foreach (var definition in files)
            registry.MarkCurrent(definition);
    }
}
