using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Performance;

/// <summary>Supplier returns are verified or disputed by the contract manager; corrections are new versions.</summary>
public sealed class ReturnsTests(SqliteApp app)
{
    [Fact]
    public async Task SupplierReturn_UnverifiedUntilTheContractManagerVerifiesIt()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Self-reported KPI", selfReports: true);
        using var supplier = await app.ClientForAsync("supplier@demo.local");
        var id = await ReturnAsync(supplier, kpi, 5, 97);
        Assert.Equal("Unverified", (await manager.GetJsonAsync($"/odata/Measurements({id})")).GetProperty("VerificationStatus").GetString());
        await RefusedAsync(supplier, $"/odata/Measurements({id})/Governance.Verify", new { }, HttpStatusCode.Forbidden);
        await RefusedAsync(manager, $"/odata/Measurements({id})/Governance.Dispute", new { }, HttpStatusCode.BadRequest);
        var disputed = await OkAsync(manager, $"/odata/Measurements({id})/Governance.Dispute", new { Reason = "Call logs show 91%, not 97%." });
        Assert.Equal("Disputed", disputed.GetProperty("VerificationStatus").GetString());
        var verified = await OkAsync(manager, $"/odata/Measurements({id})/Governance.Verify", new { });
        Assert.Equal("Verified", verified.GetProperty("VerificationStatus").GetString());
        Assert.Equal("contractmanager@demo.local", verified.GetProperty("VerifiedBy").GetString());
    }

    [Fact]
    public async Task Correction_IsANewVersion_AndTheOldOneIsKept()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Corrected KPI");
        var first = await ReturnAsync(manager, kpi, 6, 91);
        var correction = await OkAsync(manager, $"/odata/Measurements({first})/Governance.Correct", new { Value = 93.5m, Note = "Late tickets included." });
        Assert.Equal(2, correction.GetProperty("Version").GetInt32());
        Assert.Equal(first, correction.GetProperty("SupersedesId").GetInt32());
        var original = await manager.GetJsonAsync($"/odata/Measurements({first})");
        Assert.True(original.GetProperty("Superseded").GetBoolean());
        Assert.Equal(91m, original.GetProperty("Value").GetDecimal());
        await RefusedAsync(manager, $"/odata/Measurements({first})/Governance.Correct", new { Value = 94m }, HttpStatusCode.Conflict);
        var current = await manager.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {kpi} and Superseded eq false");
        Assert.Equal(93.5m, Assert.Single(current.GetProperty("value").EnumerateArray()).GetProperty("Value").GetDecimal());
    }

    [Fact]
    public async Task Return_ForAFuturePeriod_Is400()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Future KPI");
        var next = DateTime.UtcNow.AddMonths(2);
        await RefusedAsync(manager, "/odata/Measurements", new { IndicatorId = kpi, PeriodStart = $"{next:yyyy-MM}-01", Value = 90 }, HttpStatusCode.BadRequest);
    }
}
