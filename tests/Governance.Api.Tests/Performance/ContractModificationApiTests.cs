using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Performance;

/// <summary>
/// A contract's end and money change through Contracts(n)/Governance.Modify only: recorded with a reason, checked
/// against s.52 at the new value, and with a UK10 raised in the same transaction where s.75 requires one.
/// </summary>
public sealed class ContractModificationApiTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ContractAsync(HttpClient client, int id) => await client.GetJsonAsync($"/odata/Contracts({id})");

    private static async Task<List<JsonElement>> ModificationsAsync(HttpClient client, int contract) =>
        [.. (await client.GetJsonAsync($"/odata/ContractModifications?$filter=ContractId eq {contract}&$orderby=Id")).GetProperty("value").EnumerateArray()];

    private static async Task<int> ChangeNoticesAsync(HttpClient client, int contract) =>
        (await client.GetJsonAsync($"/odata/Notices?$filter=ContractId eq {contract} and Type eq 'UK10'")).GetProperty("value").GetArrayLength();

    [Fact]
    public async Task Modify_RecordsTheChange_AndRaisesAUK10OnlyWhereSection75RequiresOne()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await Notices.NoticesApiTests.ActContractAsync(manager); // GBP 400,000 from 5 January 2026 to 4 January 2030

        var extended = await OkAsync(manager, $"/odata/Contracts({contract})/Governance.Modify", new { EndOn = "2030-04-04", Reason = "Three months to align with the new depot's opening." });
        Assert.False(extended.GetProperty("ChangeNoticeRequired").GetBoolean());
        Assert.Contains("s.75(2)(a)", extended.GetProperty("ChangeNoticeRule").GetString(), StringComparison.Ordinal);
        Assert.Equal("2030-04-04", (await ContractAsync(manager, contract)).GetProperty("EndOn").GetString());
        Assert.Equal(0, await ChangeNoticesAsync(manager, contract));

        var grown = await OkAsync(manager, $"/odata/Contracts({contract})/Governance.Modify",
            new { EndOn = "2031-06-30", TotalValue = 600000, AnnualValue = 120000, Reason = "Two more parks and eighteen months more." });
        Assert.True(grown.GetProperty("ChangeNoticeRequired").GetBoolean());
        Assert.Equal((400000m, 600000m, "2030-04-04", "2031-06-30"), (grown.GetProperty("TotalValueBefore").GetDecimal(), grown.GetProperty("TotalValueAfter").GetDecimal(),
            grown.GetProperty("EndOnBefore").GetString(), grown.GetProperty("EndOnAfter").GetString()));
        var notice = Assert.Single((await manager.GetJsonAsync($"/odata/Notices?$filter=ContractId eq {contract} and Type eq 'UK10'")).GetProperty("value").EnumerateArray());
        Assert.Equal(Today, notice.GetProperty("DueOn").GetString()); // s.75(1): before the modification
        var drafted = await OkAsync(manager, $"/odata/Notices({notice.GetProperty("Id").GetInt32()})/Governance.Draft", new { });
        var change = JsonDocument.Parse(drafted.GetProperty("Content").GetString()!).RootElement.GetProperty("contract").GetProperty("change"); // s.75(3): the notice sets out this change
        Assert.Equal(("Two more parks and eighteen months more.", "2031-06-30", 600000m), (change.GetProperty("reason").GetString(),
            change.GetProperty("endOn").GetProperty("after").GetString(), change.GetProperty("value").GetProperty("after").GetDecimal()));
        Assert.Equal(120000m, (await ContractAsync(manager, contract)).GetProperty("AnnualValue").GetDecimal());

        var made = await ModificationsAsync(manager, contract);
        Assert.Equal(2, made.Count);
        Assert.All(made, m => Assert.Equal("contractmanager@demo.local", m.GetProperty("MadeBy").GetString()));

        // What is derived from an exempt contract is exempt: its modifications go with it.
        using var union = await app.ClientForAsync("UnionRepresentative");
        Assert.Equal(2, (await ModificationsAsync(union, contract)).Count);
        using (var dso = await app.ClientForAsync("DemocraticServicesOfficer"))
            await CreatedAsync(dso, "/odata/ExemptionMarkings", new { EntityType = "Contract", EntityKey = contract, Paragraph = 3, CommitteeId = 1, PublicInterestTest = "Negotiations continue." });
        Assert.Empty(await ModificationsAsync(union, contract));
    }

    [Fact]
    public async Task TheEndAndMoney_AreNotPatched_AndModifyRefusesWhatItShould_LeavingNothingBehind()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await Notices.NoticesApiTests.ActContractAsync(manager);
        foreach (var field in new[] { "EndOn", "TotalValue", "AnnualValue", "Vat" })
        {
            object body = field == "EndOn" ? new Dictionary<string, object> { [field] = "2035-01-01" } : new Dictionary<string, object> { [field] = 1 };
            using var patched = await manager.SendJsonAsync(HttpMethod.Patch, $"/odata/Contracts({contract})", body, (await ContractAsync(manager, contract)).ETag());
            Assert.Equal(HttpStatusCode.BadRequest, patched.StatusCode);
            Assert.Contains(field, await patched.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var modify = $"/odata/Contracts({contract})/Governance.Modify";
        Assert.Contains("reason-required", await RefusedAsync(manager, modify, new { EndOn = "2030-06-30" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("modification-empty", await RefusedAsync(manager, modify, new { EndOn = "2030-01-04", Reason = "Nothing." }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("contract-end-past", await RefusedAsync(manager, modify, new { EndOn = "2026-02-01", Reason = "End it quietly." }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("money-not-negative", await RefusedAsync(manager, modify, new { TotalValue = -5, Reason = "Negative." }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await RefusedAsync(manager, modify, new { EndOn = "soon", Reason = "Not a date." }, HttpStatusCode.BadRequest);
        Assert.Contains("modification-body", await RefusedAsync(manager, modify, new { TotalValue = "a lot", Reason = "Not a number." }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        using (var councillor = await app.ClientForAsync("Councillor"))
            await RefusedAsync(councillor, modify, new { EndOn = "2031-01-04", Reason = "Longer." }, HttpStatusCode.Forbidden);
        using (var supplier = await app.ClientForAsync("Supplier"))
            Assert.False((await supplier.PostJsonAsync(modify, new { EndOn = "2031-01-04", Reason = "Longer." })).IsSuccessStatusCode);

        Assert.Empty(await ModificationsAsync(manager, contract));
        Assert.Equal(("2030-01-04", 400000m), ((await ContractAsync(manager, contract)).GetProperty("EndOn").GetString(), (await ContractAsync(manager, contract)).GetProperty("TotalValue").GetDecimal()));

        await OkAsync(manager, $"/odata/Contracts({contract})/Governance.Terminate", new { Reason = "Persistent failure to cut the verges." });
        Assert.Contains("contract-status", await RefusedAsync(manager, modify, new { EndOn = "2031-01-04", Reason = "Too late." }, HttpStatusCode.Conflict), StringComparison.Ordinal);
    }

    /// <summary>
    /// s.52 holds at every value a live contract is given: lowering the value, dropping a KPI and raising the value
    /// again by Modify or by an option is refused at the last step, and nothing of that step is kept.
    /// </summary>
    [Fact]
    public async Task S52_HoldsAtTheNewValue_WhetherByModifyOrByAnOption()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await Notices.NoticesApiTests.ActContractAsync(manager); // GBP 400,000 and no KPIs: s.52 does not reach it
        Assert.Contains("pa2023-s52-kpis", await RefusedAsync(manager, $"/odata/Contracts({contract})/Governance.Modify",
            new { TotalValue = 6000000, Reason = "Six million: it now needs three KPIs." }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(400000m, (await ContractAsync(manager, contract)).GetProperty("TotalValue").GetDecimal());
        Assert.Empty(await ModificationsAsync(manager, contract));

        Assert.Contains("pa2023-s52-kpis", await RefusedAsync(manager, "/odata/ContractOptions",
            new { ContractId = contract, Kind = "Extension", Description = "A five-year extension.", Months = 60, Value = 5000000 }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        var option = await CreatedAsync(manager, "/odata/ContractOptions", new { ContractId = contract, Kind = "Extension", Description = "A one-year extension.", Months = 12, Value = 100000 });
        using var raised = await manager.SendJsonAsync(HttpMethod.Patch, $"/odata/ContractOptions({option.GetProperty("Id").GetInt32()})", new { Value = 5000000 }, option.ETag());
        Assert.Equal(HttpStatusCode.Conflict, raised.StatusCode);
    }

    /// <summary>s.52 and s.75 are the Act's: a contract let under PCR 2015 grows past GBP 5m without three KPIs, and no UK10 is raised.</summary>
    [Fact]
    public async Task APcr2015Contract_IsModifiedWithoutTheActsRules_ItsRecordSaysWhy()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"PCR-{Guid.NewGuid():N}"[..20], Title = "Highways maintenance", SupplierId = 6, DepartmentId = 1, TotalValue = 4000000, AnnualValue = 400000,
            StartOn = "2019-04-01", EndOn = "2029-03-31",
        })).GetProperty("Id").GetInt32();
        await OkAsync(manager, $"/odata/Contracts({contract})/Governance.Activate", new { });
        var grown = await OkAsync(manager, $"/odata/Contracts({contract})/Governance.Modify", new { EndOn = "2031-03-31", TotalValue = 6000000, Reason = "Two more years of resurfacing." });
        Assert.False(grown.GetProperty("ChangeNoticeRequired").GetBoolean());
        Assert.Contains("PCR 2015", grown.GetProperty("ChangeNoticeRule").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await ChangeNoticesAsync(manager, contract));
    }

    [Fact]
    public async Task TheSeed_RecordsTheSharedServicesExtension_UnderPcr2015()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var seeded = Assert.Single(await ModificationsAsync(manager, 1));
        Assert.Equal(("2022-09-30", "2027-09-30", false), (seeded.GetProperty("EndOnBefore").GetString(), seeded.GetProperty("EndOnAfter").GetString(), seeded.GetProperty("ChangeNoticeRequired").GetBoolean()));
        Assert.Contains("PCR 2015", seeded.GetProperty("ChangeNoticeRule").GetString(), StringComparison.Ordinal);
        using var union = await app.ClientForAsync("UnionRepresentative");
        Assert.Single(await ModificationsAsync(union, 1)); // a council reader's; the contract is not exempt in the seed
    }
}
