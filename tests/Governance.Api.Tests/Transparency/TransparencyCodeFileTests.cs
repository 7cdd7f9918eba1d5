using System.Net;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Portal;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Transparency;

/// <summary>
/// Issue 22's point 3: the Transparency Code's quarterly file holds every invitation to tender and contract over
/// GBP 5,000 in the quarter with the Code's fields, for anyone, never anything exempt; a quarter that is not one is a 400.
/// </summary>
public sealed class TransparencyCodeFileTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] CodeFields =
    [
        "Type", "Reference", "Title", "Department", "Description", "Supplier", "Supplier registration number", "Value (GBP)",
        "Irrecoverable VAT (GBP)", "Start date", "End date", "Review date", "Procedure", "SME", "VCSE",
    ];

    private async Task<List<string[]>> FileAsync(string quarter)
    {
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.GetAsync($"/api/transparency/contracts?quarter={quarter}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        return [.. Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim('"').Split("\",\""))];
    }

    [Fact]
    public async Task TheSeedsQuarters_HoldItsTenderAndContracts_WithTheCodesFields()
    {
        var q4of2013 = await FileAsync("2013-Q4"); // the customer contact procurement's notice went out on 18 November 2013
        Assert.Equal(CodeFields, q4of2013[0]);
        var tender = Assert.Single(q4of2013.Skip(1), r => r[1] == "CCP-2013-01");
        Assert.Equal("Invitation to tender", tender[0]);
        Assert.Equal("3500000.00", tender[7]);
        Assert.Equal("CompetitiveDialogue", tender[12]);

        var q2of2015 = await FileAsync("2015-Q2"); // the community transport contract started on 1 April 2015
        var contract = Assert.Single(q2of2015.Skip(1), r => r[1] == "ASC-2015-003");
        Assert.Equal("Contract", contract[0]);
        Assert.Equal("Greenway Community Transport CIC", contract[5]);
        Assert.Equal("09044718", contract[6]);
        Assert.Equal("900000.00", contract[7]);
        Assert.Equal("2015-04-01", contract[9]);
        Assert.Equal(["Yes", "Yes"], contract[13..15]);
        Assert.DoesNotContain(q2of2015.Skip(1), r => r[1] == "SSO-2012-001"); // started in 2012
    }

    [Fact]
    public async Task OnlyWhatIsOverFiveThousandPounds_AndNothingExempt()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        async Task<string> ContractAsync(decimal value)
        {
            var reference = $"TC-{Guid.NewGuid():N}"[..12];
            var id = (await CreatedAsync(manager, "/odata/Contracts", new
            {
                Reference = reference, Title = "Grounds maintenance", SupplierId = 1, DepartmentId = 1, TotalValue = value, AnnualValue = value,
                StartOn = "2031-02-01", EndOn = "2031-12-31",
            })).GetProperty("Id").GetInt32();
            using (var active = await manager.PostJsonAsync($"/odata/Contracts({id})/Governance.Activate", new { }))
                Assert.True(active.IsSuccessStatusCode, await active.Content.ReadAsStringAsync(Ct));
            return reference;
        }
        var (atThreshold, over, exempt) = (await ContractAsync(5000m), await ContractAsync(5000.01m), await ContractAsync(80_000m));
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var exemptId = (await manager.GetJsonAsync($"/odata/Contracts?$filter=Reference eq '{exempt}'")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new { EntityType = "Contract", EntityKey = exemptId, Paragraph = 3, PublicInterestTest = "Negotiations continue.", CommitteeId = 1 });

        var rows = (await FileAsync("2031-Q1")).Skip(1).Select(r => r[1]).ToList();
        Assert.Contains(over, rows);
        Assert.DoesNotContain(atThreshold, rows);
        Assert.DoesNotContain(exempt, rows);
    }

    [Theory]
    [InlineData("2015")]
    [InlineData("2015-Q5")]
    [InlineData("Q2-2015")]
    [InlineData("")]
    public async Task AQuarterThatIsNotOne_IsA400(string quarter)
    {
        using var visitor = PortalClient.Anonymous(app);
        using var response = await visitor.GetAsync($"/api/transparency/contracts?quarter={quarter}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2015-Q2", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePortal_OffersTheLastEightQuarters()
    {
        using var visitor = PortalClient.Anonymous(app);
        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync("/transparency", Ct));
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Count(page, "/api/transparency/contracts\\?quarter=\\d{4}-Q[1-4]"));
    }
}
