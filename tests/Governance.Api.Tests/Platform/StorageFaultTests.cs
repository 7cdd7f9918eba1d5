using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Platform;

/// <summary>
/// A SQLite file that turns read-only or a disk that fills is the operator's fault, not the client's: writes answer
/// 503 with Retry-After (never 500), /health/ready says so, nothing acknowledged is lost, and the host recovers by
/// itself once the storage is writable again (SQLite connections opened read-only during the fault are not reused).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StorageFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> AddKpiAsync(HttpClient manager, int contract, string name) =>
        await manager.PostAsJsonAsync("/odata/Indicators", new
        {
            ContractId = contract, Code = $"K-{Guid.NewGuid():N}"[..12], Name = name, Unit = "%", Direction = "HigherIsBetter", Category = "Performance",
            Target = 95, RedThreshold = 85, Frequency = "Monthly", Weight = 1,
        }, Ct);

    /// <summary>
    /// Writes until one is refused: a file that turned read-only refuses the first, a full disk only the first that
    /// needs a new page (SQLite reuses its log's space). Those acknowledged meanwhile are added to the list.
    /// </summary>
    private static async Task WriteUntilRefusedAsync(HttpClient manager, int contract, List<string> acknowledged)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var name = $"During {attempt}";
            using var response = await AddKpiAsync(manager, contract, name);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                acknowledged.Add(name);
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            return;
        }

        Assert.Fail("No write was refused during the fault.");
    }

    private static async Task<JsonElement> ReadyAsync(HttpClient client, HttpStatusCode expected)
    {
        using var ready = await client.GetAsync("/health/ready", Ct);
        var body = await ready.Content.ReadAsStringAsync(Ct);
        Assert.True(ready.StatusCode == expected, $"ready: {(int)ready.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Writes before, during and after the fault; every acknowledged one is there at the end, no refused one is.</summary>
    private static async Task RunThroughFaultAsync(GovernanceApp app, Action fault, Action clear, string expectedReason)
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var anonymous = app.CreateClient();
        var contract = await ContractAsync(manager);
        var acknowledged = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var added = await AddKpiAsync(manager, contract, $"Before {i}");
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            acknowledged.Add($"Before {i}");
        }

        await ReadyAsync(anonymous, HttpStatusCode.OK);
        fault();
        try
        {
            await WriteUntilRefusedAsync(manager, contract, acknowledged);
            var ready = await ReadyAsync(anonymous, HttpStatusCode.ServiceUnavailable);
            Assert.Contains(expectedReason, ready.GetProperty("checks").GetProperty("database").GetProperty("description").GetString()!, StringComparison.Ordinal);
            await WriteUntilRefusedAsync(manager, contract, acknowledged);
        }
        finally
        {
            clear();
        }

        await ReadyAsync(anonymous, HttpStatusCode.OK);
        for (var i = 0; i < 5; i++)
        {
            using var added = await AddKpiAsync(manager, contract, $"After {i}");
            Assert.True(added.StatusCode == HttpStatusCode.Created, $"after the fault cleared: {(int)added.StatusCode} {await added.Content.ReadAsStringAsync(Ct)}");
            acknowledged.Add($"After {i}");
        }

        var names = (await manager.GetAllAsync($"/odata/Indicators?$filter=ContractId eq {contract}&$select=Name"))
            .Select(i => i.GetProperty("Name").GetString()!).Order().ToList();
        Assert.Equal(acknowledged.Order().ToList(), names);
    }

    [Fact]
    public async Task AReadOnlyFile_Answers503_ReadySaysSo_AndWritesWorkAgainOnceItIsWritable()
    {
        var folder = Directory.CreateTempSubdirectory("governance-readonly-").FullName;
        var file = Path.Combine(folder, "governance.db");
        try
        {
            await using var app = new RestartableSqliteApp(file, new Dictionary<string, string?>());
            await app.InitializeAsync();
            // Connections already open keep writing through their handle; those opened while the file is read-only
            // (here: all of them, once the pool is emptied) are read-only, and stay so in the pool unless dropped.
            await RunThroughFaultAsync(app, () => { StorageFaults.MakeReadOnly(file); SqliteConnection.ClearAllPools(); }, () => StorageFaults.MakeWritable(file), "read-only");
        }
        finally
        {
            SqliteAppBase.DeleteDatabase(file);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AFullDisk_Answers503_ReadySaysSo_AndWritesWorkAgainOnceThereIsRoom()
    {
        var folder = Directory.CreateTempSubdirectory("governance-full-").FullName;
        if (!StorageFaults.TryMountSmall(folder, 48, out var whyNot))
        {
            Directory.Delete(folder);
            Assert.Skip($"Skipped: {whyNot}.");
        }

        var file = Path.Combine(folder, "governance.db");
        string? filler = null;
        try
        {
            await using var app = new RestartableSqliteApp(file, new Dictionary<string, string?>());
            await app.InitializeAsync();
            await RunThroughFaultAsync(app, () => filler = StorageFaults.Fill(folder), () => File.Delete(filler!), "full");
        }
        finally
        {
            SqliteAppBase.DeleteDatabase(file);
            StorageFaults.Unmount(folder);
            Directory.Delete(folder, recursive: true);
        }
    }
}
