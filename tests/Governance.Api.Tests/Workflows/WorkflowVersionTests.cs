using Governance.Api.Data;
using Governance.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Workflows;

/// <summary>
/// Hosts restarted on one database with a changing workflows folder: instances keep the version they started
/// on, timers survive the restart, and a version changed in place stops start-up.
/// </summary>
public sealed class WorkflowVersionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string CopyWorkflows()
    {
        var source = Governance.Api.Infrastructure.ContentFolders.Find("workflows", "schema", null, AppContext.BaseDirectory);
        var target = Directory.CreateTempSubdirectory("governance-workflows-").FullName;
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    private static void Edit(string folder, Func<string, string> change)
    {
        var file = Path.Combine(folder, "kpi-escalation.json");
        File.WriteAllText(file, change(File.ReadAllText(file)));
    }

    private static async Task<RestartableSqliteApp> StartAsync(string database, string workflows)
    {
        var app = new RestartableSqliteApp(database, new Dictionary<string, string?> { ["Workflows:Path"] = workflows });
        await app.InitializeAsync();
        return app;
    }

    [Fact]
    public async Task NewVersion_AppliesToNewInstancesOnly_TimersSurviveRestart_AndAChangedVersionStopsStartUp()
    {
        var database = SqliteAppBase.NewDatabaseFile();
        var workflows = CopyWorkflows();
        try
        {
            int oldInstance;
            await using (var first = await StartAsync(database, workflows))
            {
                using var manager = await first.ClientForAsync("ContractManager");
                oldInstance = (await InstanceAsync(manager, "Escalation", await CreateEscalationAsync(manager, "v1"))).GetProperty("Id").GetInt32();
            }

            Edit(workflows, json => json
                .Replace("\"version\": 5", "\"version\": 6", StringComparison.Ordinal)
                .Replace("\"title\": \"KPI slip escalation ladder\"", "\"title\": \"KPI slip escalation ladder (faster)\"", StringComparison.Ordinal)
                .Replace("\"after\": { \"workingDays\": 10 }, \"fire\": \"Escalate\" },\n      \"onEnter\": [\n        { \"action\": \"notify\", \"role\": \"ContractManager\", \"to\": \"named\", \"subject\": \"KPI slip needs your response\"",
                         "\"after\": { \"workingDays\": 3 }, \"fire\": \"Escalate\" },\n      \"onEnter\": [\n        { \"action\": \"notify\", \"role\": \"ContractManager\", \"to\": \"named\", \"subject\": \"KPI slip needs your response\"", StringComparison.Ordinal));

            await using (var second = await StartAsync(database, workflows))
            {
                using var manager = await second.ClientForAsync("ContractManager");
                var newInstance = await InstanceAsync(manager, "Escalation", await CreateEscalationAsync(manager, "v2"));
                Assert.Equal(6, newInstance.GetProperty("DefinitionVersion").GetInt32());
                Assert.Equal(5, (await manager.GetJsonAsync($"/odata/WorkflowInstances({oldInstance})")).GetProperty("DefinitionVersion").GetInt32());

                var definitions = await manager.GetJsonAsync("/odata/WorkflowDefinitions?$filter=DefinitionId eq 'kpi-escalation'&$orderby=Version");
                Assert.Equal([false, true], definitions.GetProperty("value").EnumerateArray().Select(d => d.GetProperty("IsCurrent").GetBoolean()));

                await using var scope = second.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
                var oldTimer = await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.WorkflowInstanceId == oldInstance, Ct);
                var newTimer = await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.WorkflowInstanceId == newInstance.GetProperty("Id").GetInt32(), Ct);
                Assert.True(newTimer.DueAt < oldTimer.DueAt, "version 6 responds in 3 working days, version 5 in 10");

                // The first host's timer is still in the database, and the restarted host fires it.
                await RunTimersAtAsync(second.Services, oldTimer.DueAt.AddMinutes(1));
                Assert.Equal("HeadOfService", (await manager.GetJsonAsync($"/odata/WorkflowInstances({oldInstance})")).GetProperty("State").GetString());
            }

            Edit(workflows, json => json.Replace("(faster)", "(quicker)", StringComparison.Ordinal));
            var third = new RestartableSqliteApp(database, new Dictionary<string, string?> { ["Workflows:Path"] = workflows });
            var error = Assert.ThrowsAny<Exception>(() => third.CreateClient());
            var message = error.ToString();
            Assert.Contains("kpi-escalation.json", message, StringComparison.Ordinal);
            Assert.Contains("$.version", message, StringComparison.Ordinal);
            Assert.Contains("give the changed file a new version", message, StringComparison.Ordinal);
            await third.DisposeAsync();
        }
        finally
        {
            SqliteAppBase.DeleteDatabase(database);
            Directory.Delete(workflows, recursive: true);
        }
    }

    [Fact]
    public async Task InvalidWorkflowFile_StopsStartUpNamingFilePathAndProblem()
    {
        var database = SqliteAppBase.NewDatabaseFile();
        var workflows = CopyWorkflows();
        try
        {
            Edit(workflows, json => json.Replace("\"roles\": [\"ContractManager\"] },", "\"roles\": [\"Chancellor\"] },", StringComparison.Ordinal));
            var app = new RestartableSqliteApp(database, new Dictionary<string, string?> { ["Workflows:Path"] = workflows });
            var message = Assert.ThrowsAny<Exception>(() => app.CreateClient()).ToString();
            Assert.Contains("Workflow definition kpi-escalation.json at $.states.ContractManager.on.Escalate.roles[0]: unknown role 'Chancellor'", message, StringComparison.Ordinal);
            await app.DisposeAsync();
        }
        finally
        {
            SqliteAppBase.DeleteDatabase(database);
            Directory.Delete(workflows, recursive: true);
        }
    }
}
