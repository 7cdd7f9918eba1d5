using Governance.Api.Features.Contracts;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Performance;

/// <summary>The reminder job expires contracts and writes notifications, so it runs on a database of its own.</summary>
public sealed class ContractRemindersTests(IsolatedSqliteApp app) : IClassFixture<IsolatedSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminders_ExpiryAndOptionNotices_SentOnce_AndContractsPastTheirEndExpire()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var ending = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"END-{Guid.NewGuid():N}"[..20], Title = "Ending soon", SupplierId = 6, DepartmentId = 1, TotalValue = 100000, AnnualValue = 50000,
            StartOn = "2024-01-01", EndOn = DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })).GetProperty("Id").GetInt32();
        await OkAsync(manager, $"/odata/Contracts({ending})/Governance.Activate", new { });
        await CreatedAsync(manager, "/odata/ContractOptions", new { ContractId = ending, Kind = "Extension", Description = "One-year extension", Months = 12,
            NoticeBy = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ContractRemindersJob>().RunAsync(Ct);
        }

        var reminders = await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/work/contracts/{ending}'");
        Assert.Equal(3, reminders.Count()); // expiry, exit plan, extension notice
        await using (var later = app.Services.CreateAsyncScope())
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMonths(4));
            await ActivatorUtilities.CreateInstance<ContractRemindersJob>(later.ServiceProvider, clock).RunAsync(Ct);
        }

        Assert.Equal("Expired", (await manager.GetJsonAsync($"/odata/Contracts({ending})")).GetProperty("Status").GetString());
    }

    [Fact]
    public async Task AReminder_GoesToTheContractsNamedManager_OrToEveryContractManagerWhenNoAccountIsTheirs()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        async Task<int> EndingAsync(string named)
        {
            var id = (await CreatedAsync(manager, "/odata/Contracts", new
            {
                Reference = $"NAM-{Guid.NewGuid():N}"[..20], Title = "Ending soon", SupplierId = 6, DepartmentId = 1, TotalValue = 100000, AnnualValue = 50000,
                ContractManager = named, StartOn = "2024-01-01", EndOn = DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            })).GetProperty("Id").GetInt32();
            await OkAsync(manager, $"/odata/Contracts({id})/Governance.Activate", new { });
            return id;
        }
        var (marks, nobodys) = (await EndingAsync("Mark Osei"), await EndingAsync("Someone Without An Account"));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ContractRemindersJob>().RunAsync(Ct);

        var toMark = (await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/work/contracts/{marks}'")).GetProperty("value").EnumerateArray().ToList();
        Assert.NotEmpty(toMark);
        Assert.All(toMark, n => Assert.Equal("contractmanager@demo.local", n.GetProperty("RecipientUser").GetString()));
        var toRole = (await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/work/contracts/{nobodys}'")).GetProperty("value").EnumerateArray().ToList();
        Assert.NotEmpty(toRole);
        Assert.All(toRole, n => Assert.Equal("ContractManager", n.GetProperty("RecipientRole").GetString()));
    }

    /// <summary>reg 50 (PCR 2015), UK7 (s.53) and the annual UK9 assessment (s.71), each reminded once; termination asks for an assessment too.</summary>
    [Fact]
    public async Task StatutoryNoticeDeadlines_AreReminded()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var underAct = await WorkflowApi.CreateProcurementAsync(officer, "CompetitiveFlexible");
        TestClock.TravelTo(TestClock.Pcr2015Day);
        int underRegulations;
        using (var earlier = await app.ClientForAsync("ProcurementOfficer"))
            underRegulations = await WorkflowApi.CreateProcurementAsync(earlier, "CompetitiveDialogue");
        TestClock.TravelTo(DateTime.UtcNow);
        async Task<int> ContractAsync(int procurement, DateOnly start)
        {
            var id = (await CreatedAsync(manager, "/odata/Contracts", new
            {
                Reference = $"NOT-{Guid.NewGuid():N}"[..20], Title = "Notice deadlines", SupplierId = 6, DepartmentId = 1, TotalValue = 100000, AnnualValue = 50000, ProcurementId = procurement,
                StartOn = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), EndOn = start.AddYears(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            })).GetProperty("Id").GetInt32();
            await OkAsync(manager, $"/odata/Contracts({id})/Governance.Activate", new { });
            return id;
        }

        var entered = await ContractAsync(underAct, today.AddDays(-5));
        var yearOld = await ContractAsync(underAct, today.AddMonths(-12).AddDays(10));
        var pcr = await ContractAsync(underRegulations, today.AddDays(-3));
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ContractRemindersJob>().RunAsync(Ct);
        }

        static IEnumerable<string> Subjects(System.Text.Json.JsonElement list) => list.GetProperty("value").EnumerateArray().Select(n => n.GetProperty("Subject").GetString()!);
        var details = Subjects(await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/work/contracts/{entered}'")).ToList();
        Assert.Single(details, s => s.StartsWith("Contract details notice (UK7)", StringComparison.Ordinal));
        var annual = Subjects(await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/work/contracts/{yearOld}'")).ToList();
        Assert.Single(annual, s => s.StartsWith("Annual performance assessment (UK9)", StringComparison.Ordinal));
        var award = Subjects(await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/work/contracts/{pcr}'")).ToList();
        Assert.Single(award, s => s.StartsWith("Contract award notice", StringComparison.Ordinal));
        Assert.DoesNotContain(award, s => s.Contains("(UK7)", StringComparison.Ordinal));

        await OkAsync(manager, $"/odata/Contracts({entered})/Governance.Terminate", new { Reason = "Supplier entered administration." });
        Assert.Contains(Subjects(await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/work/contracts/{entered}'")),
            s => s.StartsWith($"Assess ", StringComparison.Ordinal) && s.Contains("on termination", StringComparison.Ordinal));
    }
}
