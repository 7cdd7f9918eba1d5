using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Auth;

/// <summary>A supplier sees only its own rows, and cannot reach another's by key, expansion or filter.</summary>
public sealed class SupplierScopeTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Supplier_ReadsOnlyItsOwnSupplierContractsAndReturns()
    {
        using var client = await app.ClientForAsync("supplier@demo.local");
        var suppliers = await client.GetJsonAsync("/odata/Suppliers");
        Assert.Equal("Meridian Business Services Ltd", Assert.Single(suppliers.GetProperty("value").EnumerateArray()).GetProperty("Name").GetString());
        var contracts = await client.GetJsonAsync("/odata/Contracts?$expand=Supplier($select=Name)");
        Assert.All(contracts.GetProperty("value").EnumerateArray(), c => Assert.Equal("Meridian Business Services Ltd", c.GetProperty("Supplier").GetProperty("Name").GetString()));
        var foreign = await client.GetJsonAsync("/odata/Measurements?$filter=Indicator/Contract/Supplier/Name ne 'Meridian Business Services Ltd'&$count=true&$top=0");
        Assert.Equal(0, foreign.GetProperty("@odata.count").GetInt32());
    }

    [Fact]
    public async Task SecondSupplier_CannotReadTheFirstsContractByKey()
    {
        using var cm = await app.ClientForAsync("ContractManager");
        var id = (await cm.GetJsonAsync("/odata/Contracts?$filter=Reference eq 'SSO-2012-001'")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        using var other = await app.ClientForAsync("supplier2@demo.local");
        using var response = await other.GetAsync($"/odata/Contracts({id})", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var bidders = await other.GetJsonAsync("/odata/Bidders?$expand=Supplier");
        Assert.All(bidders.GetProperty("value").EnumerateArray(), b => Assert.Equal("Oakfield Digital Ltd", b.GetProperty("Supplier").GetProperty("Name").GetString()));
        Assert.Equal(1, bidders.Count());
    }

    [Fact]
    public async Task Supplier_RecordsReturnForOwnSelfReportedKpi_Unverified()
    {
        using var cm = await app.ClientForAsync("ContractManager");
        var kpi = (await cm.GetJsonAsync("/odata/Indicators?$filter=Code eq 'SSO-KPI-02'")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        using var client = await app.ClientForAsync("supplier@demo.local");
        using var response = await client.PostJsonAsync("/odata/Measurements", new { IndicatorId = kpi, PeriodStart = "2019-02-01", Value = 99.8 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        Assert.Equal("Supplier", created.GetProperty("Source").GetString());
        Assert.Equal("Unverified", created.GetProperty("VerificationStatus").GetString());
    }

    [Fact]
    public async Task Supplier_RecordsReturnForAnotherSuppliersKpi_IsRefusedAsUnknown()
    {
        using var cm = await app.ClientForAsync("ContractManager");
        var kpi = (await cm.GetJsonAsync("/odata/Indicators?$filter=Code eq 'ENV-KPI-01'")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        using var client = await app.ClientForAsync("supplier@demo.local");
        using var response = await client.PostJsonAsync("/odata/Measurements", new { IndicatorId = kpi, PeriodStart = "2019-03-01", Value = 99.8 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not refer to an existing Indicator", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASuppliersImport_NamesNothingOfAnotherSuppliersContract()
    {
        using var client = await app.ClientForAsync("supplier@demo.local");
        var csv = "contract,indicator,period,value,note\nENV-2014-007,ENV-KPI-01,2019-03-01,99.8,\n";
        using var response = await client.PostAsync("/api/measurements/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no indicator ENV-KPI-01 on contract ENV-2014-007", body, StringComparison.Ordinal); // only what the file said
        Assert.DoesNotContain("IndicatorId", body, StringComparison.Ordinal);
    }
}
