using System.Net;
using System.Text.Json;
using Governance.Api.Data;
using Governance.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Audit;

/// <summary>
/// One audit entry per change, in the same transaction, chained by hash. The tamper test alters a row and puts
/// it back, so the tests that verify the chain live in this one class and never run at the same time.
/// </summary>
public sealed class AuditTrailTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Update_WritesEntryWithActorBeforeAndAfter()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        using var created = await officer.PostJsonAsync("/odata/Suppliers", new { Name = $"Audit Test {Guid.NewGuid():N}", IsSme = false, IsVcse = false });
        var supplier = await created.JsonAsync();
        var id = supplier.GetProperty("Id").GetInt32();
        (await officer.SendJsonAsync(HttpMethod.Patch, $"/odata/Suppliers({id})", new { CompaniesHouseNumber = "01234567" }, supplier.ETag())).Dispose();

        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        var entries = await statutory.GetJsonAsync($"/odata/AuditEntries?$filter=EntityType eq 'Supplier' and EntityKey eq '{id}'&$orderby=Sequence");
        var list = entries.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["Created", "Updated"], list.Select(e => e.GetProperty("Operation").GetString()));
        var update = list[1];
        Assert.Equal("procurementofficer@demo.local", update.GetProperty("Actor").GetString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(update.GetProperty("Before").GetString()!).RootElement.GetProperty("CompaniesHouseNumber").ValueKind);
        Assert.Equal("01234567", JsonDocument.Parse(update.GetProperty("After").GetString()!).RootElement.GetProperty("CompaniesHouseNumber").GetString());
        var previous = await statutory.GetJsonAsync($"/odata/AuditEntries?$filter=Sequence eq {update.GetProperty("Sequence").GetInt64() - 1}");
        Assert.Equal(previous.GetProperty("value")[0].GetProperty("Hash").GetString(), update.GetProperty("PreviousHash").GetString());
    }

    [Fact]
    public async Task AuditEntries_CannotBeWrittenByAnyone()
    {
        using var admin = await app.ClientForAsync("Administrator");
        using var post = await admin.PostJsonAsync("/odata/AuditEntries", new { Actor = "forger" });
        var entry = (await admin.GetJsonAsync("/odata/AuditEntries?$top=1")).GetProperty("value")[0];
        using var patch = await admin.SendJsonAsync(HttpMethod.Patch, $"/odata/AuditEntries({entry.GetProperty("Id").GetInt64()})", new { Actor = "forger" }, "*");
        using var delete = await admin.SendJsonAsync(HttpMethod.Delete, $"/odata/AuditEntries({entry.GetProperty("Id").GetInt64()})", null, "*");
        Assert.All([post, patch, delete], r => Assert.True((int)r.StatusCode is >= 400 and < 500, r.StatusCode.ToString()));
    }

    [Fact]
    public async Task Verify_IntactThenTampered_NamesTheAlteredEntry()
    {
        using var admin = await app.ClientForAsync("Administrator");
        var intact = await (await admin.PostAsync("/odata/AuditEntries/Governance.Verify", null, Ct)).JsonAsync();
        Assert.True(intact.GetProperty("Intact").GetBoolean(), intact.ToString());
        Assert.True(intact.GetProperty("EntriesChecked").GetInt64() > 100);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var victim = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).Skip(10).FirstAsync(Ct);
        await db.AuditEntries.Where(a => a.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Actor, "someone-else"), Ct);
        try
        {
            var broken = await (await admin.PostAsync("/odata/AuditEntries/Governance.Verify", null, Ct)).JsonAsync();
            Assert.False(broken.GetProperty("Intact").GetBoolean());
            Assert.Equal(victim.Id, broken.GetProperty("FirstBrokenEntryId").GetInt64());
            Assert.Equal(victim.Sequence, broken.GetProperty("FirstBrokenSequence").GetInt64());

            var output = new StringWriter();
            Assert.Equal(1, await HostCommands.RunAsync(app.Services, ["audit", "verify"], output));
            Assert.Contains($"broken at entry {victim.Id}", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await db.AuditEntries.Where(a => a.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Actor, victim.Actor), CancellationToken.None);
        }

        var output2 = new StringWriter();
        Assert.Equal(0, await HostCommands.RunAsync(app.Services, ["audit", "verify"], output2));
        Assert.Contains("intact", output2.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NotAllowedForOtherRoles()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        using var response = await councillor.PostAsync("/odata/AuditEntries/Governance.Verify", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ConcurrentWriters_KeepOneUnbrokenChain()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var writes = Enumerable.Range(0, 12).Select(_ => officer.PostJsonAsync("/odata/Suppliers", new { Name = $"Parallel {Guid.NewGuid():N}", IsSme = true, IsVcse = false }));
        var responses = await Task.WhenAll(writes);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var sequences = await db.AuditEntries.Select(a => a.Sequence).OrderBy(s => s).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
    }
}
