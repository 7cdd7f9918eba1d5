using System.Net;
using Governance.Api.OData;
using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.OData;

/// <summary>
/// A query shape that passed validation is not validated again by the same attribute; one that failed fails every
/// time, with the same error, and is never kept; and what is kept is bounded.
/// </summary>
public sealed class ValidatedQueriesTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private bool Kept(string controller, string marker) =>
        app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>().Where(a => a.ControllerName == controller)
            .SelectMany(a => a.FilterDescriptors).Select(f => f.Filter).OfType<GovernanceQueryAttribute>()
            .Any(q => q.Validated.Any(key => key.Contains(marker, StringComparison.Ordinal)));

    [Fact]
    public async Task AQueryThatPassed_IsKept_AndAnsweredTheSameAgain()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var marker = Guid.NewGuid().ToString("N");
        var url = $"/odata/Departments?$filter=Code ne '{marker}'&$orderby=Code&$top=3";

        var first = await client.GetStringAsync(url, Ct);
        Assert.True(Kept("Departments", "Code ne ''&$orderby=Code&$top=3"));
        Assert.False(Kept("Departments", marker));
        var again = await client.GetStringAsync(url, Ct);

        Assert.Equal(first, again);
        Assert.Contains("\"Code\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryThatFailed_FailsEveryTime_AndIsNeverKept()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var marker = Guid.NewGuid().ToString("N");
        var url = $"/odata/Departments?$filter=Code ne '{marker}'&$top=1001";
        await client.GetStringAsync($"/odata/Departments?$filter=Code ne '{marker}'&$top=1000", Ct); // the same query at the limit passes

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var response = await client.GetAsync(url, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("1000", body, StringComparison.Ordinal);
        }

        Assert.True(Kept("Departments", "Code ne ''&$top=1000"));
        Assert.False(Kept("Departments", "Code ne ''&$top=1001"));
    }

    [Fact]
    public async Task AQueryWithNewValues_IsTheSameShape_AndKeepsNoValue()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var first = Guid.NewGuid().ToString("N");
        var second = Guid.NewGuid().ToString("N");

        await client.GetStringAsync($"/odata/Indicators?$filter=Code ne '{first}' and Target gt 17&$skip=3", Ct);
        var shapes = () => app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>().Where(a => a.ControllerName == "Indicators")
            .SelectMany(a => a.FilterDescriptors).Select(f => f.Filter).OfType<GovernanceQueryAttribute>()
            .Count(q => q.Validated.Any(key => key.Contains("Code ne '' and Target gt 0&$skip=#", StringComparison.Ordinal)));
        var before = shapes();
        Assert.True(before > 0);
        await client.GetStringAsync($"/odata/Indicators?$filter=Code ne '{second}' and Target gt 4&$skip=40", Ct);

        Assert.Equal(before, shapes());
        Assert.False(Kept("Indicators", first));
        Assert.False(Kept("Indicators", second));
    }

    [Fact]
    public async Task AValueTheParserRefuses_IsRefused_ThoughItsShapeWasValidated()
    {
        using var client = await app.ClientForAsync("ContractManager");
        await client.GetStringAsync("/odata/Measurements?$filter=PeriodStart ge 2015-01-01&$top=1", Ct);

        using var response = await client.GetAsync("/odata/Measurements?$filter=PeriodStart ge 2015-13-45&$top=1", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2015-13-45", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
