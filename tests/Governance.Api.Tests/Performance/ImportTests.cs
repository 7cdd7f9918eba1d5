using System.Net;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Performance;

/// <summary>A large import completes in one transaction while other users keep writing; a file over the limit is refused.</summary>
public sealed class ImportTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenThousandRows_OneTransaction_OtherWritersWaitOrGet503_Never500()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var reference = $"BULK-{Guid.NewGuid():N}"[..20];
        var contract = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = reference, Title = "Bulk import contract", SupplierId = 1, DepartmentId = 1, TotalValue = 1000000, AnnualValue = 100000, StartOn = "2015-01-01", EndOn = "2023-12-31",
        })).GetProperty("Id").GetInt32();
        var codes = new List<string>();
        for (var k = 0; k < 100; k++)
        {
            var code = $"B{k:D3}";
            await CreatedAsync(manager, "/odata/Indicators", new { ContractId = contract, Code = code, Name = $"Bulk KPI {k}", Unit = "%", Direction = "HigherIsBetter", Target = 90, RedThreshold = 80, Weight = 1 });
            codes.Add(code);
        }

        var csv = new StringBuilder("contract,indicator,period,value,note\n");
        foreach (var code in codes)
        {
            for (var m = 0; m < 100; m++)
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{reference},{code},{new DateOnly(2015, 1, 1).AddMonths(m):yyyy-MM-dd},{90 + (m % 7)},\n");
        }

        // Eight other writers record returns on another contract while the import runs.
        var other = await Performance.PerformanceApi.ContractAsync(manager);
        var otherKpi = await Performance.PerformanceApi.KpiAsync(manager, other, "Meanwhile", weight: 100);
        var import = manager.PostAsync("/api/measurements/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), Ct);
        var writers = Enumerable.Range(1, 8).Select(async month =>
        {
            using var writer = await app.ClientForAsync("ContractManager");
            using var response = await writer.PostJsonAsync("/odata/Measurements", new { IndicatorId = otherKpi, PeriodStart = $"2019-{month:D2}-01", Value = 96 });
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                Assert.True(response.Headers.RetryAfter is not null, "a 503 says when to retry");
            return response.StatusCode;
        }).ToList();

        using var imported = await import;
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));
        var report = await imported.JsonAsync();
        Assert.Equal(10_000, report.GetProperty("accepted").GetInt32());
        Assert.All(await Task.WhenAll(writers), status => Assert.Contains(status, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));
        Assert.Equal(10_000, (await manager.GetJsonAsync($"/odata/Measurements/$count?$filter=Indicator/ContractId eq {contract}")).GetInt32());
    }

    [Fact]
    public async Task AFileOverTheRowLimit_Is413StatingTheLimit()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var csv = new StringBuilder("contract,indicator,period,value,note\n");
        for (var i = 0; i <= Governance.Api.Features.Performance.MeasurementImport.DefaultMaxRows; i++)
            csv.Append("NOPE,K,2019-01-01,1,\n");
        using var response = await manager.PostAsync("/api/measurements/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20,000 rows", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
