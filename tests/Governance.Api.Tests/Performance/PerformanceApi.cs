using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Performance;

/// <summary>A contract of its own for each test, with KPIs, and returns recorded month by month from January 2019.</summary>
internal static class PerformanceApi
{
    public static async Task<int> ContractAsync(HttpClient manager)
    {
        var contract = await TenderApi.CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"PERF-{Guid.NewGuid():N}"[..20], Title = "Performance test contract", SupplierId = 1, DepartmentId = 1,
            TotalValue = 1000000, AnnualValue = 250000, StartOn = "2019-01-01", EndOn = "2022-03-31",
        });
        return contract.GetProperty("Id").GetInt32();
    }

    public static async Task<int> KpiAsync(HttpClient manager, int contractId, string name, string direction = "HigherIsBetter", string category = "Performance",
        decimal target = 95, decimal red = 85, decimal weight = 25, bool selfReports = false) =>
        (await TenderApi.CreatedAsync(manager, "/odata/Indicators", new
        {
            ContractId = contractId, Code = $"K-{Guid.NewGuid():N}"[..12], Name = name, Unit = "%", Direction = direction, Category = category,
            Target = target, RedThreshold = red, Frequency = "Monthly", Weight = weight, SupplierSelfReports = selfReports,
        })).GetProperty("Id").GetInt32();

    public static async Task<int> ReturnAsync(HttpClient client, int indicatorId, int monthOf2019, decimal value) =>
        (await TenderApi.CreatedAsync(client, "/odata/Measurements", new { IndicatorId = indicatorId, PeriodStart = $"2019-{monthOf2019:D2}-01", Value = value })).GetProperty("Id").GetInt32();

    public static async Task<Dictionary<string, int>> EscalationsByCauseAsync(HttpClient client, int contractId)
    {
        var escalations = await client.GetJsonAsync($"/odata/Escalations?$filter=ContractId eq {contractId}");
        return escalations.GetProperty("value").EnumerateArray().GroupBy(e => e.GetProperty("Cause").GetString()!).ToDictionary(g => g.Key, g => g.Count());
    }
}
