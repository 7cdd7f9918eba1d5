using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Performance.PerformanceApi;

namespace Governance.Api.Tests.Performance;

/// <summary>Who may act on which KPIs, novation as the only way to change a supplier, and the ranges a user would expect.</summary>
public sealed class RolesAndRangesTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return await client.SendAsync(request, Ct);
    }

    private static async Task<string> BadRequestAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {text}");
        return text;
    }

    [Fact]
    public async Task SlaOwners_ActOnInternalSlasOnly()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var owner = await app.ClientForAsync("SlaOwner");
        var contract = await ContractAsync(manager);
        var kpi = await KpiAsync(manager, contract, "Contract KPI", weight: 100);
        using (var patch = await PatchAsync(owner, $"/odata/Indicators({kpi})", new { Name = "Renamed by an SLA owner" }))
            Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        await RefusedAsync(owner, $"/odata/Indicators({kpi})/Governance.Revise", new { Target = 50, RedThreshold = 40, Weight = 100, EffectiveFrom = "2027-01-01", Reason = "Lower it." }, HttpStatusCode.Forbidden);
        await RefusedAsync(owner, "/odata/Measurements", new { IndicatorId = kpi, PeriodStart = "2019-01-01", Value = 99 }, HttpStatusCode.Forbidden);
        await RefusedAsync(owner, "/odata/Indicators", new { ContractId = contract, Code = "X-1", Name = "Sneaked in", Unit = "%", Target = 90, RedThreshold = 80, Weight = 10 }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ASupplier_ActsOnItsOwnSelfReportedKpisOnly()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var supplier = await app.ClientForAsync("Supplier");
        var contract = await ContractAsync(manager);
        var managed = await KpiAsync(manager, contract, "Measured by the council", weight: 50);
        await RefusedAsync(supplier, "/odata/Measurements", new { IndicatorId = managed, PeriodStart = "2019-01-01", Value = 99 }, HttpStatusCode.Forbidden);
        var verified = await ReturnAsync(manager, managed, 1, 80);
        await RefusedAsync(supplier, $"/odata/Measurements({verified})/Governance.Correct", new { Value = 99 }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheSupplierChangesOnlyByNovation_WithAReason()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await ContractAsync(manager);
        using (var patch = await PatchAsync(manager, $"/odata/Contracts({contract})", new { SupplierId = 2 }))
            Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        await BadRequestAsync(manager, $"/odata/Contracts({contract})/Governance.Novate", new { SupplierId = 2, Reason = "" });
        var novated = await OkAsync(manager, $"/odata/Contracts({contract})/Governance.Novate", new { SupplierId = 2, Reason = "The supplier's business was transferred to its parent." });
        Assert.Equal(2, novated.GetProperty("SupplierId").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, novated.GetProperty("NovatedAt").ValueKind);
    }

    [Fact]
    public async Task S52_ExemptionRecorded_LetsASmallKpiSetActivate_AndArchivingBelowThreeIsRefused()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = (await CreatedAsync(manager, "/odata/Contracts", new
        {
            Reference = $"S52-{Guid.NewGuid():N}"[..20], Title = "Care at home", SupplierId = 5, DepartmentId = 1, TotalValue = 4_500_000, Vat = 0, AnnualValue = 900_000,
            StartOn = "2026-01-01", EndOn = "2030-12-31",
        })).GetProperty("Id").GetInt32();
        await CreatedAsync(manager, "/odata/ContractOptions", new { ContractId = contract, Kind = "Extension", Description = "Two-year extension", Months = 24, Value = 1_800_000 });
        var only = await KpiAsync(manager, contract, "Visits on time", weight: 100);
        Assert.Contains("with VAT and options", await RefusedAsync(manager, $"/odata/Contracts({contract})/Governance.Activate", new { }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await OkAsync(manager, $"/odata/Contracts({contract})/Governance.RecordS52Exemption", new { Exemption = "LightTouchContract", Reason = "Home care is a light touch service (Schedule 1)." });
        Assert.Equal("Active", (await OkAsync(manager, $"/odata/Contracts({contract})/Governance.Activate", new { })).GetProperty("Status").GetString());
        await OkAsync(manager, $"/odata/Contracts({contract})/Governance.RecordS52Exemption", new { Exemption = "None" });
        using var archive = new HttpRequestMessage(HttpMethod.Delete, $"/odata/Indicators({only})");
        archive.Headers.TryAddWithoutValidation("If-Match", "*");
        using var refused = await manager.SendAsync(archive, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("pa2023-s52-kpis", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValuesOutOfRange_Are400sNamingTheFieldAndTheRule()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        Assert.Contains("contract-dates-order", await BadRequestAsync(manager, "/odata/Contracts", new
        {
            Reference = $"BAD-{Guid.NewGuid():N}"[..20], Title = "Backwards", SupplierId = 1, DepartmentId = 1, TotalValue = 1000, AnnualValue = 100, StartOn = "2026-01-01", EndOn = "2025-01-01",
        }), StringComparison.Ordinal);
        Assert.Contains("TotalValue", await BadRequestAsync(manager, "/odata/Contracts", new
        {
            Reference = $"BAD-{Guid.NewGuid():N}"[..20], Title = "Negative", SupplierId = 1, DepartmentId = 1, TotalValue = -5, AnnualValue = 100, StartOn = "2026-01-01", EndOn = "2027-01-01",
        }), StringComparison.Ordinal);
        var contract = await ContractAsync(manager);
        Assert.Contains("kpi-thresholds-direction", await BadRequestAsync(manager, "/odata/Indicators", new
        {
            ContractId = contract, Code = "R-1", Name = "Red better than target", Unit = "%", Direction = "HigherIsBetter", Target = 80, RedThreshold = 90, Weight = 50,
        }), StringComparison.Ordinal);
        Assert.Contains("kpi-weight-range", await BadRequestAsync(manager, "/odata/Indicators", new
        {
            ContractId = contract, Code = "R-2", Name = "Negative weight", Unit = "%", Direction = "HigherIsBetter", Target = 80, RedThreshold = 70, Weight = -10,
        }), StringComparison.Ordinal);
        var kpi = await KpiAsync(manager, contract, "Ranged", weight: 100);
        Assert.Contains("measurement-value-range", await BadRequestAsync(manager, "/odata/Measurements", new { IndicatorId = kpi, PeriodStart = "2019-01-01", Value = 180 }), StringComparison.Ordinal);
        Assert.Contains("period-in-term", await BadRequestAsync(manager, "/odata/Measurements", new { IndicatorId = kpi, PeriodStart = "2018-06-01", Value = 90 }), StringComparison.Ordinal);

        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        Assert.Contains("VotesAgainst", await BadRequestAsync(dso, "/odata/Decisions", new { AgendaItemId = 1, Outcome = "Agreed", VotesFor = 5, VotesAgainst = -3, DecidedOn = "2026-01-01" }), StringComparison.Ordinal);
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        await BadRequestAsync(officer, "/odata/Consultations", new { SubjectType = "Procurement", SubjectId = 1, Gate = "award", Topic = "Staff transfer", ResponseWorkingDays = -5 });
    }
}
