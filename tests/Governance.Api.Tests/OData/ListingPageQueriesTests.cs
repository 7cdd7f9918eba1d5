using System.Text.Json;
using Governance.Api.Data;
using Governance.Api.OData.Listing;
using Governance.Api.Tests.Infrastructure;
using Governance.Api.Tests.Performance;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.OData;

/// <summary>
/// A listing's page query is bound and compiled once per shape and reused: who is reading must still decide what
/// each reader gets, and queries that depend on more than their text (a supplier's or a team's scope, the clock)
/// are never reused.
/// </summary>
public sealed class ListingPageQueriesTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IModel Model()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<GovernanceDbContext>().Model;
    }

    private static int Count(JsonElement listing) => listing.GetProperty("value").GetArrayLength();

    [Fact]
    public async Task ACompiledShape_ServesEachReaderTheirOwnRows()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        var code = $"PQ-{Guid.NewGuid():N}"[..12];
        // A contract of the test's own: the seed contract's indicators are counted by other tests sharing this host.
        var contract = await PerformanceApi.ContractAsync(manager);
        var indicator = (await CreatedAsync(manager, "/odata/Indicators", new
        {
            ContractId = contract, Code = code, Name = "Indicator under exempt renegotiation", Unit = "%", Direction = "HigherIsBetter", Category = "Performance",
            Target = 95, RedThreshold = 85, Frequency = "Monthly", Weight = 1,
        })).GetProperty("Id").GetInt32();
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        await CreatedAsync(dso, "/odata/ExemptionMarkings", new
        {
            EntityType = "Indicator", EntityKey = indicator, Paragraph = 3, CommitteeId = 1,
            PublicInterestTest = "Disclosure would prejudice the council's negotiating position; withholding it serves the public interest better.",
        });
        // A shape without values (values are parameters, bound every time): the newest indicators, this one among them.
        var url = "/odata/Indicators?$orderby=Id desc&$top=50";
        bool Shape(string key) => key.Contains("Id desc", StringComparison.Ordinal) && key.Contains("Indicator", StringComparison.Ordinal);
        bool Lists(JsonElement listing) => listing.GetProperty("value").EnumerateArray().Any(r => r.GetProperty("Id").GetInt32() == indicator);

        using var member = await app.ClientForAsync("Councillor"); // on the committee
        Assert.True(Lists(await member.GetJsonAsync(url)));
        Assert.True(ListingPageQueries.HasShape(Model(), Shape));

        using var union = await app.ClientForAsync("UnionRepresentative");
        Assert.False(Lists(await union.GetJsonAsync(url)));
        Assert.True(Lists(await manager.GetJsonAsync(url)));
        Assert.True(Lists(await member.GetJsonAsync(url)));
    }

    [Fact]
    public async Task AQueryScopedToOneSupplier_IsBoundEveryTime()
    {
        using var supplier = await app.ClientForAsync("Supplier");
        var reference = $"NONE-{Guid.NewGuid():N}";

        var rows = (await supplier.GetJsonAsync($"/odata/Contracts?$filter=Reference ne '{reference}'")).GetProperty("value").EnumerateArray().ToList();

        Assert.NotEmpty(rows);
        Assert.Single(rows.Select(r => r.GetProperty("SupplierId").GetInt32()).Distinct());

        Assert.False(ListingPageQueries.HasShape(Model(), key => key.Contains(reference, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AFilterReadingTheClock_IsBoundEveryTime()
    {
        using var admin = await app.ClientForAsync("Administrator");
        var marker = Guid.NewGuid().ToString("N");

        var listing = await admin.GetJsonAsync($"/odata/AuditEntries?$filter=OccurredAt lt now() and EntityKey ne '{marker}'&$top=1");

        Assert.Equal(1, Count(listing));
        Assert.False(ListingPageQueries.HasShape(Model(), key => key.Contains(marker, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AFilterWithValues_SharesOneCompiledShape_WhoseValuesAreParameters()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var first = $"A-{Guid.NewGuid():N}";
        var second = $"B-{Guid.NewGuid():N}";
        var marker = $"{Guid.NewGuid():N}";

        Assert.Equal(0, Count(await officer.GetJsonAsync($"/odata/Procurements?$filter=Reference eq '{first}' and Title ne '{marker}'")));
        var all = Count(await officer.GetJsonAsync($"/odata/Procurements?$filter=Reference ne '{second}' and Title ne '{marker}'"));
        var again = Count(await officer.GetJsonAsync($"/odata/Procurements?$filter=Reference eq '{first}' and Title ne '{marker}'"));

        Assert.True(all > 0);
        Assert.Equal(0, again);
        Assert.True(ListingPageQueries.HasShape(Model(), key => key.Contains("Reference eq '' and Title ne ''", StringComparison.Ordinal)));
        Assert.False(ListingPageQueries.HasShape(Model(), key => key.Contains(first, StringComparison.Ordinal) || key.Contains(second, StringComparison.Ordinal) || key.Contains(marker, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PagesOfOneShape_AnswerEachPageAndValue_AsThePackageDoes()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        // The listing writer is bypassed by a $select; the package's own answer is the reference.
        foreach (var (contract, skip, from) in new[] { (1, 0, "2015-01-01"), (1, 5, "2015-03-01"), (2, 3, "2014-06-01"), (1, 40, "2016-01-01") })
        {
            var query = $"$filter=Indicator/ContractId eq {contract} and PeriodStart ge {from}&$orderby=PeriodStart desc,IndicatorId&$skip={skip}&$top=7";
            var fast = (await manager.GetJsonAsync($"/odata/Measurements?{query}")).GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetInt32()).ToList();
            var package = (await manager.GetJsonAsync($"/odata/Measurements?{query}&$select=Id")).GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetInt32()).ToList();

            Assert.Equal(package, fast);
        }

        Assert.True(ListingPageQueries.HasShape(Model(), key => key.Contains("Indicator/ContractId eq 0 and PeriodStart ge 0-0-0", StringComparison.Ordinal)));
    }
}
