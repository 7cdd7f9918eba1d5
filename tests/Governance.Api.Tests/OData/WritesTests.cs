using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>Bad input is a 4xx that says what is wrong, and nothing is half-written.</summary>
public sealed class WritesTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_MissingRequiredProperty_Is400NamingIt()
    {
        using var client = await app.ClientForAsync("Administrator");
        using var response = await client.PostJsonAsync("/odata/Departments", new { Code = "NONAME" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Name", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownReference_Is400NamingIt()
    {
        using var client = await app.ClientForAsync("ProcurementOfficer");
        using var response = await client.PostJsonAsync("/odata/Procurements", new { Reference = $"P-{Guid.NewGuid():N}"[..20], Title = "Orphan", DepartmentId = 987654, Procedure = "Open", EstimatedValue = 1000 });
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("DepartmentId 987654", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DuplicateUniqueValue_Is409AndWritesNothing()
    {
        using var client = await app.ClientForAsync("Administrator");
        using var response = await client.PostJsonAsync("/odata/Departments", new { Code = "CS", Name = "A second Customer Services" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        ErrorBodies.AssertNothingInternal(await response.Content.ReadAsStringAsync(Ct));
        var audit = await client.GetJsonAsync("/odata/AuditEntries?$filter=contains(After,'A second Customer Services')&$count=true&$top=0");
        Assert.Equal(0, audit.GetProperty("@odata.count").GetInt32());
    }

    [Fact]
    public async Task Post_MalformedJson_Is400()
    {
        using var client = await app.ClientForAsync("Administrator");
        using var response = await client.PostAsync("/odata/Departments", new StringContent("{\"Code\": ", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ErrorBodies.AssertNothingInternal(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Post_ServerManagedProperty_Is400()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.PostJsonAsync("/odata/Contracts", new { Reference = "X-1", Title = "Sneaky", SupplierId = 1, DepartmentId = 1, Status = "Active", StartOn = "2026-01-01", EndOn = "2027-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Status", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measurements_CannotBeUpdatedOrDeleted()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var measurement = (await client.GetJsonAsync("/odata/Measurements?$top=1")).GetProperty("value")[0];
        var url = $"/odata/Measurements({measurement.GetProperty("Id").GetInt32()})";
        using var patch = await client.SendJsonAsync(HttpMethod.Patch, url, new { Value = 1 }, measurement.ETag());
        using var delete = await client.SendJsonAsync(HttpMethod.Delete, url, null, measurement.ETag());
        Assert.False(patch.IsSuccessStatusCode);
        Assert.False(delete.IsSuccessStatusCode);
        Assert.Equal(measurement.GetProperty("Value").GetDecimal(), (await client.GetJsonAsync(url)).GetProperty("Value").GetDecimal());
    }

    [Fact]
    public async Task Measurement_SecondRecordForAPeriod_Is409PointingToCorrection()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var existing = (await client.GetJsonAsync("/odata/Measurements?$filter=IndicatorId eq 1&$top=1")).GetProperty("value")[0];
        using var response = await client.PostJsonAsync("/odata/Measurements", new { IndicatorId = 1, PeriodStart = existing.GetProperty("PeriodStart").GetString(), Value = 50 });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("correction", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measurement_RecordedByContractManager_IsStampedByTheServer()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.PostJsonAsync("/odata/Measurements", new { IndicatorId = 1, PeriodStart = "2019-01-01", Value = 97.5 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        Assert.Equal("contractmanager@demo.local", created.GetProperty("RecordedBy").GetString());
        Assert.Equal("ContractManager", created.GetProperty("Source").GetString());
        Assert.Equal("Verified", created.GetProperty("VerificationStatus").GetString());
        Assert.Equal(1, created.GetProperty("Version").GetInt32());
    }
}
