using System.Globalization;
using System.Linq.Expressions;
using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Governance.Api.Tests.OData;

/// <summary>
/// Date (DateOnly) comparisons in $filter are bound as date comparisons the database can seek on; each operator
/// still selects exactly the rows it should, for required and nullable dates.
/// </summary>
public sealed class DateFilterTests(SqliteApp app)
{
    private static readonly DateOnly Pivot = new(2014, 6, 1);

    [Theory]
    [InlineData("eq")]
    [InlineData("ne")]
    [InlineData("gt")]
    [InlineData("ge")]
    [InlineData("lt")]
    [InlineData("le")]
    public async Task EachComparison_SelectsTheSameRowsAsComparingTheDates(string op)
    {
        using var client = await app.ClientForAsync("ContractManager");
        // The seed's returns for one KPI, 2012 to 2016 (tests add later ones; this range is the seed's alone).
        const string Seeded = "IndicatorId eq 1 and Superseded eq false and PeriodStart lt 2017-01-01";
        var all = (await client.GetJsonAsync($"/odata/Measurements?$filter={Seeded}&$select=PeriodStart&$top=1000")).GetProperty("value")
            .EnumerateArray().Select(m => DateOnly.Parse(m.GetProperty("PeriodStart").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(all.Count > 24, "the seed has years of monthly returns for KPI 1");

        var filtered = await client.GetJsonAsync($"/odata/Measurements?$filter={Seeded} and PeriodStart {op} {Pivot:yyyy-MM-dd}&$count=true&$top=0");

        Assert.Equal(all.Count(d => Compare(d, op)), filtered.GetProperty("@odata.count").GetInt32());
    }

    /// <summary>"in" on a date-and-time property answered 500 (EF could not convert the package's DateTimeOffset list); it now selects the instants listed.</summary>
    [Fact]
    public async Task InstantsIn_AListOfDatesAndTimes_SelectTheRowsAtThem()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var first = (await client.GetJsonAsync("/odata/Escalations?$orderby=Id&$top=1&$select=OpenedAt")).GetProperty("value")[0].GetProperty("OpenedAt").GetDateTimeOffset();
        var at = first.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var matched = await client.GetJsonAsync($"/odata/Escalations?$filter=OpenedAt in ({at},2001-01-01T00:00:00Z)&$count=true&$top=0");
        using var dates = await client.GetAsync("/odata/RequirementDocuments?$filter=CreatedAt in (2026-01-31,2026-01-31)", TestContext.Current.CancellationToken);

        Assert.True(matched.GetProperty("@odata.count").GetInt32() >= 1);
        Assert.Equal(System.Net.HttpStatusCode.OK, dates.StatusCode);
    }

    [Fact]
    public async Task NullableDates_CompareWithoutMatchingNulls()
    {
        using var client = await app.ClientForAsync("ContractManager");
        var stages = (await client.GetJsonAsync("/odata/ProcurementStageDates?$filter=ProcurementId eq 1&$select=ActualOn&$top=1000")).GetProperty("value")
            .EnumerateArray().Select(s => s.GetProperty("ActualOn").GetString()).ToList();
        Assert.Contains(stages, s => s is null);

        var reached = await client.GetJsonAsync("/odata/ProcurementStageDates?$filter=ProcurementId eq 1 and ActualOn ge 2013-01-01&$count=true&$top=0");

        Assert.Equal(stages.Count(s => s is not null && DateOnly.Parse(s, CultureInfo.InvariantCulture) >= new DateOnly(2013, 1, 1)), reached.GetProperty("@odata.count").GetInt32());
    }

    [Theory]
    [InlineData("PeriodStart ge 2025-01-01 and PeriodStart lt 2026-01-01")]
    [InlineData("PeriodStart eq 2025-06-01")]
    public async Task ADateLiteral_IsComparedAsADateParameter_SoAnIndexCanServeIt(string filter)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var model = app.Services.GetRequiredService<IEdmModel>();
        var set = model.EntityContainer.FindEntitySet("Measurements");
        var clause = new ODataQueryOptionParser(model, set.EntityType, set, new Dictionary<string, string> { ["$filter"] = filter }).ParseFilter();

        var predicate = (Expression<Func<Measurement, bool>>)new DateComparisonFilterBinder()
            .BindFilter(clause, new QueryBinderContext(model, new ODataQuerySettings(), typeof(Measurement)));
        var sql = db.Measurements.Where(predicate).ToQueryString();

        Assert.DoesNotContain("strftime", sql, StringComparison.Ordinal);
        Assert.Matches(@"""PeriodStart"" (>=|=) @", sql);
        Assert.DoesNotContain("2025-", sql.Split("SELECT")[^1], StringComparison.Ordinal); // a parameter, not a literal: EF reuses the query
    }

    private static bool Compare(DateOnly date, string op) => op switch
    {
        "eq" => date == Pivot,
        "ne" => date != Pivot,
        "gt" => date > Pivot,
        "ge" => date >= Pivot,
        "lt" => date < Pivot,
        _ => date <= Pivot,
    };
}
