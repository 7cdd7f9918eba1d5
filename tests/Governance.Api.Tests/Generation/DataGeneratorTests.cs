using Governance.Api.Data;
using Governance.Api.Data.Generation;
using Governance.Api.Features.Audit;
using Governance.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Generation;

/// <summary>The data generator: the same scale and seed give the same rows, on top of the seed, with the audit chain intact.</summary>
public sealed class DataGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A small scale with the shape of M and L: contracts with monthly KPIs, procurements, escalations, committees.
    private static readonly DataScale Tiny = new("T", 40, 10, 6, 30);

    /// <summary>Runs a test on a host of its own, on a new database that is deleted afterwards.</summary>
    private static async Task<T> OnFreshHostAsync<T>(Func<RestartableSqliteApp, Task<T>> test)
    {
        var file = SqliteAppBase.NewDatabaseFile();
        await using var app = new RestartableSqliteApp(file, new Dictionary<string, string?>());
        try
        {
            await app.InitializeAsync();
            return await test(app);
        }
        finally
        {
            await app.DisposeAsync();
            SqliteAppBase.DeleteDatabase(file);
        }
    }

    private static async Task OnFreshHostAsync(Func<RestartableSqliteApp, Task> test) => await OnFreshHostAsync(async app =>
    {
        await test(app);
        return true;
    });

    private static Task<(string Digest, DataGenerator.Report Report)> GenerateAsync(int seed) => OnFreshHostAsync(async app =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(Tiny, seed, Ct);

        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var code = $"GENT{seed}";
        var returns = await db.Measurements.AsNoTracking().Where(m => m.Indicator!.Contract!.Reference.StartsWith(code))
            .OrderBy(m => m.Indicator!.Contract!.Reference).ThenBy(m => m.Indicator!.Code).ThenBy(m => m.PeriodStart)
            .Select(m => $"{m.Indicator!.Contract!.Reference}/{m.Indicator.Code}/{m.PeriodStart:yyyy-MM}={m.Value}").ToListAsync(Ct);
        Assert.Equal(Tiny.Measurements, returns.Count);
        Assert.Equal(Tiny.Procurements, await db.Procurements.CountAsync(p => p.Reference.StartsWith(code), Ct));
        Assert.Equal(Tiny.Escalations, await db.Escalations.CountAsync(e => db.Contracts.Any(c => c.Id == e.ContractId && c.Reference.StartsWith(code)), Ct));
        Assert.True(await db.Contracts.AnyAsync(c => c.Reference == "SSO-2012-001", Ct), "the seed is still there beside the generated data");

        // Generated rows are bulk-inserted; the run is one audited entry, and the chain still verifies.
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "Department" && a.After!.Contains(code), Ct));
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct)).Intact);

        // Readable through the API like any other data, and audited writes carry on the chain after it.
        using var manager = await app.ClientForAsync("ContractManager");
        using (var written = await manager.PostJsonAsync("/odata/Suppliers", new { Name = $"After generation {seed}", IsSme = true, IsVcse = false }))
            Assert.Equal(System.Net.HttpStatusCode.Created, written.StatusCode);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct)).Intact);
        var page = await manager.GetJsonAsync($"/odata/Measurements?$filter=startswith(Indicator/Contract/Reference, '{code}')&$count=true&$top=1");
        Assert.Equal(Tiny.Measurements, page.GetProperty("@odata.count").GetInt32());

        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(Tiny, seed, Ct));
        Assert.Contains("already in this database", again.Message, StringComparison.Ordinal);
        return (string.Join("\n", returns), report);
    });

    [Fact]
    public async Task SameScaleAndSeed_GiveTheSameRows_BesideTheSeed()
    {
        var (first, report) = await GenerateAsync(7);
        var (second, _) = await GenerateAsync(7);

        Assert.Equal(first.Replace("GENT7", "", StringComparison.Ordinal), second.Replace("GENT7", "", StringComparison.Ordinal));
        Assert.Equal(400, report.Indicators);
        Assert.Equal(Tiny.Measurements, report.Measurements);
    }

    [Fact]
    public Task ARunThatFailsPartWay_LeavesNothing_AndCanBeRunAgain() => OnFreshHostAsync(async app =>
    {
        // A procurement already holds the reference the run gives its first procurement, after its contracts and returns.
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        await TenderApi.CreatedAsync(officer, "/odata/Procurements", new { Reference = "GENT9-P00001", Title = "Taken reference", DepartmentId = 1, Procedure = "Open", EstimatedValue = 1000 });

        await using (var scope = app.Services.CreateAsyncScope())
            await Assert.ThrowsAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(Tiny, 9, Ct));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
            Assert.False(await db.Departments.IgnoreQueryFilters().AnyAsync(d => d.Code == "GENT9", Ct));
            Assert.Equal(0, await db.Contracts.IgnoreQueryFilters().CountAsync(c => c.Reference.StartsWith("GENT9"), Ct));
            Assert.Equal(0, await db.Measurements.IgnoreQueryFilters().CountAsync(m => m.RecordedBy == "generator", Ct));
            Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct)).Intact);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(Tiny, 10, Ct);
            Assert.Equal(Tiny.Measurements, report.Measurements);
        }
    });

    [Fact]
    public void Scales_AreTheIssuesSizes()
    {
        Assert.Equal(1_200_000, DataScale.L.Measurements);
        Assert.Equal(10_000, DataScale.L.Procurements);
        Assert.Equal(500, DataScale.M.Contracts);
        Assert.Equal(60, DataScale.M.Months);
        Assert.Equal(0, DataScale.S.Contracts);
        Assert.Throws<ArgumentException>(() => DataScale.Parse("XL"));
    }
}
