using System.Net;
using System.Text.Json;
using Governance.Api.Features.Notices;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Notices;

/// <summary>
/// Statutory notices through the API: raised by a contract's events under the Procurement Act 2023, read only by the
/// people who act on them until published, content fixed at publication and corrected as a new version with a reason;
/// reminded to their named owner and escalated once when overdue.
/// </summary>
public sealed class NoticesApiTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A contract on the register entered under the Act (no procurement here; started after 24 February 2025), active.</summary>
    internal static async Task<int> ActContractAsync(HttpClient manager, string? named = null)
    {
        var id = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"ACT-{Guid.NewGuid():N}"[..20], Title = "Grounds maintenance", SupplierId = 6, DepartmentId = 1, TotalValue = 400000, AnnualValue = 100000,
            ContractManager = named, StartOn = "2026-01-05", EndOn = "2030-01-04",
        })).GetProperty("Id").GetInt32();
        await OkAsync(manager, $"/odata/Contracts({id})/Governance.Activate", new { });
        return id;
    }

    private static async Task<JsonElement> NoticeAsync(HttpClient client, int contract, string type) =>
        Assert.Single((await client.GetJsonAsync($"/odata/Notices?$filter=ContractId eq {contract} and Type eq '{type}'")).GetProperty("value").EnumerateArray());

    [Fact]
    public async Task ATermination_RaisesItsUK11_ReadByItsOfficersUntilPublished_FixedAtPublication_CorrectedAsANewVersion()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ActContractAsync(manager);
        await OkAsync(manager, $"/odata/Contracts({contract})/Governance.Terminate", new { Reason = "The supplier entered administration." });

        var notice = await NoticeAsync(manager, contract, "UK11");
        var id = notice.GetProperty("Id").GetInt32();
        Assert.Equal("Due", notice.GetProperty("Status").GetString());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), notice.GetProperty("DueOn").GetString());
        Assert.Contains("s.80", notice.GetProperty("DeadlineRule").GetString(), StringComparison.Ordinal);

        // Before publication: not the councillor's, the union's or a supplier's.
        using (var councillor = await app.ClientForAsync("Councillor"))
        {
            Assert.Empty((await councillor.GetJsonAsync($"/odata/Notices?$filter=ContractId eq {contract}")).GetProperty("value").EnumerateArray());
            using var one = await councillor.GetAsync($"/odata/Notices({id})", Ct);
            Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
            Assert.Contains("notice-write", await RefusedAsync(councillor, $"/odata/Notices({id})/Governance.Publish", new { ExternalReference = "X" }, HttpStatusCode.Forbidden), StringComparison.Ordinal);
        }
        using (var union = await app.ClientForAsync("UnionRepresentative"))
            Assert.Empty((await union.GetJsonAsync($"/odata/Notices?$filter=ContractId eq {contract}")).GetProperty("value").EnumerateArray());
        using (var supplier = await app.ClientForAsync("Supplier"))
        {
            using var refused = await supplier.GetAsync("/odata/Notices", Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var drafted = await OkAsync(manager, $"/odata/Notices({id})/Governance.Draft", new { });
        Assert.Equal("Drafted", drafted.GetProperty("Status").GetString());
        using (var content = JsonDocument.Parse(drafted.GetProperty("Content").GetString()!))
        {
            Assert.Equal("UK11", content.RootElement.GetProperty("noticeType").GetString());
            Assert.Equal("The supplier entered administration.", content.RootElement.GetProperty("contract").GetProperty("termination").GetProperty("reason").GetString());
        }

        Assert.Contains("notice-external-reference", await RefusedAsync(manager, $"/odata/Notices({id})/Governance.Publish", new { ExternalReference = " " }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var first = await OkAsync(manager, $"/odata/Notices({id})/Governance.Publish", new { ExternalReference = "FTS-2026-000411" });
        Assert.Equal(1, first.GetProperty("Version").GetInt32());
        Assert.Equal(drafted.GetProperty("Content").GetString(), first.GetProperty("Content").GetString());
        Assert.Contains("notice-published", await RefusedAsync(manager, $"/odata/Notices({id})/Governance.Draft", new { }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("notice-correction-reason", await RefusedAsync(manager, $"/odata/Notices({id})/Governance.Correct", new { Reason = "", ExternalReference = "FTS-2026-000412" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var second = await OkAsync(manager, $"/odata/Notices({id})/Governance.Correct", new { Reason = "The termination date was wrong.", ExternalReference = "FTS-2026-000412" });
        Assert.Equal(2, second.GetProperty("Version").GetInt32());

        // Published: every council reader sees it and both versions as they went out; nothing changes it but these actions.
        using (var councillor = await app.ClientForAsync("Councillor"))
        {
            var seen = await NoticeAsync(councillor, contract, "UK11");
            Assert.Equal(("Published", 2, "FTS-2026-000412"), (seen.GetProperty("Status").GetString(), seen.GetProperty("Version").GetInt32(), seen.GetProperty("ExternalReference").GetString()));
            var versions = (await councillor.GetJsonAsync($"/odata/NoticeVersions?$filter=NoticeId eq {id}&$orderby=Version")).GetProperty("value").EnumerateArray().ToList();
            Assert.Equal(["FTS-2026-000411", "FTS-2026-000412"], versions.Select(v => v.GetProperty("ExternalReference").GetString()));
            Assert.Equal("The termination date was wrong.", versions[1].GetProperty("Reason").GetString());
        }

        using var patch = await manager.SendJsonAsync(HttpMethod.Patch, $"/odata/Notices({id})", new { DueOn = "2030-01-01" });
        Assert.False(patch.IsSuccessStatusCode);
        using var delete = await manager.DeleteAsync($"/odata/Notices({id})", Ct);
        Assert.False(delete.IsSuccessStatusCode);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            (await NoticeAsync(manager, contract, "UK11")).GetProperty("DueOn").GetString());
    }

    [Fact]
    public async Task RaisingByHand_ComputesTheDeadline_RefusesTheWrongLaw_AndTheServerDatesIt()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ActContractAsync(manager);
        var raised = await CreatedAsync(manager, "/odata/Notices", new { Type = "UK10", ContractId = contract, Trigger = "The contract's prices were indexed beyond its review clause." });
        Assert.Equal((Today, Today, "Due"), (raised.GetProperty("TriggeredOn").GetString(), raised.GetProperty("DueOn").GetString(), raised.GetProperty("Status").GetString()));

        Assert.Contains("DueOn", await RefusedAsync(manager, "/odata/Notices", new { Type = "UK10", ContractId = contract, Trigger = "Again.", DueOn = "2030-01-01" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("notice-raised", await RefusedAsync(manager, "/odata/Notices", new { Type = "UK10", ContractId = contract, Trigger = "Twice." }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        // The seed's shared services contract was let in 2012 under PCR 2015: the Act's notices do not apply to it.
        Assert.Contains("notice-regime", await RefusedAsync(manager, "/odata/Notices", new { Type = "UK10", ContractId = 1, Trigger = "A change." }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("notice-subject", await RefusedAsync(manager, "/odata/Notices", new { Type = "UK9", Trigger = "Assessed." }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("notice-type", await RefusedAsync(manager, "/odata/Notices", new { ContractId = contract, Trigger = "No type." }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("notice-subject", await RefusedAsync(manager, "/odata/Notices", new { Type = "UK17", ContractId = contract, Trigger = "Payments." }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        // Off the procurement's team, nothing is raised (nor anyone told): the customer-experience programme is not the contract manager's.
        Assert.Contains("notice-owner", await RefusedAsync(manager, "/odata/Notices", new { Type = "UK12", ProcurementId = 2, Trigger = "Not awarded." }, HttpStatusCode.Forbidden), StringComparison.Ordinal);
        using (var lead = await app.ClientForAsync("ProcurementOfficer"))
            Assert.Empty((await lead.GetJsonAsync("/odata/Notices?$filter=ProcurementId eq 2 and Type eq 'UK12'")).GetProperty("value").EnumerateArray());
        // The day the contract was entered decides its law and its notices' deadlines: set once, never by PATCH.
        using (var patched = await manager.SendJsonAsync(HttpMethod.Patch, $"/odata/Contracts({contract})", new { StartOn = "2012-01-01" }, (await manager.GetJsonAsync($"/odata/Contracts({contract})")).ETag()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, patched.StatusCode);
            Assert.Contains("StartOn", await patched.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using var councillor = await app.ClientForAsync("Councillor");
        await RefusedAsync(councillor, "/odata/Notices", new { Type = "UK10", ContractId = contract, Trigger = "A change." }, HttpStatusCode.Forbidden);
    }

    /// <summary>A payments compliance notice raised by hand belongs to the reporting period that last ended, as the daily job's would.</summary>
    [Fact]
    public async Task APaymentsComplianceNotice_IsDatedFromTheLastReportingPeriodsEnd()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var (_, last) = Governance.Domain.Notices.NoticeDeadlines.LastPaymentsPeriodBefore(DateOnly.FromDateTime(DateTime.UtcNow));
        using var response = await officer.PostJsonAsync("/odata/Notices", new { Type = "UK17", Trigger = "The half-year's payments are reported." });
        var notice = (await officer.GetJsonAsync($"/odata/Notices?$filter=Type eq 'UK17' and TriggeredOn eq {last:yyyy-MM-dd}")).GetProperty("value");
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{response.StatusCode}"); // the job may have raised it first
        Assert.Equal(last.AddDays(29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(notice.EnumerateArray()).GetProperty("DueOn").GetString());
    }

    [Fact]
    public async Task ANoticesAuditImages_AreWithheld_ItsPublishedVersionsAreTheRecord()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ActContractAsync(manager);
        var id = (await CreatedAsync(manager, "/odata/Notices", new { Type = "UK10", ContractId = contract, Trigger = "A change." })).GetProperty("Id").GetInt32();
        await OkAsync(manager, $"/odata/Notices({id})/Governance.Draft", new { });
        using var admin = await app.ClientForAsync("Administrator");
        var images = (await admin.GetJsonAsync($"/odata/AuditEntries?$filter=EntityType eq 'Notice' and EntityKey eq '{id}'")).GetProperty("value").EnumerateArray().ToList();
        Assert.NotEmpty(images);
        Assert.All(images, a => Assert.DoesNotContain("Grounds maintenance", a.GetProperty("After").GetString() ?? "", StringComparison.Ordinal));
    }
}

/// <summary>The notice job marks and escalates every overdue notice, so it runs on a database of its own.</summary>
public sealed class NoticeRemindersJobTests(IsolatedSqliteApp app) : IClassFixture<IsolatedSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDailyJob_RemindsTheNamedOwnerWithTheNoticesPage_ThenEscalatesTheOverdueNoticeOnce()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await NoticesApiTests.ActContractAsync(manager, named: "Mark Osei");
        var id = (await CreatedAsync(manager, "/odata/Notices", new { Type = "UK10", ContractId = contract, Trigger = "The service scope was extended to two more depots." })).GetProperty("Id").GetInt32();

        async Task RunAsync(DateTimeOffset at)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<NoticeRemindersJob>(scope.ServiceProvider, new FakeTimeProvider(at)).RunAsync(Ct);
        }

        await RunAsync(DateTimeOffset.UtcNow);
        await RunAsync(DateTimeOffset.UtcNow);
        var link = $"/work/notices/{id}";
        var mine = (await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '{link}'")).GetProperty("value").EnumerateArray().ToList();
        var reminder = Assert.Single(mine);
        Assert.Equal("contractmanager@demo.local", reminder.GetProperty("RecipientUser").GetString());
        Assert.Contains("due today", reminder.GetProperty("Subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("s.75", reminder.GetProperty("Body").GetString(), StringComparison.Ordinal);

        await RunAsync(DateTimeOffset.UtcNow.AddDays(1));
        await RunAsync(DateTimeOffset.UtcNow.AddDays(2));
        Assert.Equal("Overdue", (await manager.GetJsonAsync($"/odata/Notices({id})")).GetProperty("Status").GetString());
        var overdue = (await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '{link}' and startswith(Subject,'Overdue')")).GetProperty("value").EnumerateArray();
        Assert.Single(overdue);
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        var escalated = (await statutory.GetJsonAsync($"/odata/Notifications?$filter=Link eq '{link}' and startswith(Subject,'Overdue')")).GetProperty("value").EnumerateArray();
        Assert.Equal("StatutoryOfficer", Assert.Single(escalated).GetProperty("RecipientRole").GetString());
    }
}
