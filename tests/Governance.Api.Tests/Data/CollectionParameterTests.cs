using Governance.Api.Data;
using Governance.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Data;

/// <summary>
/// A list in a query goes to the database as one parameter, so its SQL does not change with the list's length:
/// the listing's compiled expansion queries take the page's keys as their argument and rely on it.
/// </summary>
public sealed class CollectionParameterTests(SqliteApp app)
{
    [Fact]
    public async Task AListInAQuery_IsOneParameter_WhateverItsLength()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        // The statement, without the parameter values ToQueryString declares before it.
        string Sql(List<int> keys)
        {
            var text = db.ProcurementStageDates.Where(s => keys.Contains(s.ProcurementId)).ToQueryString();
            return text[text.IndexOf("SELECT", StringComparison.Ordinal)..];
        }

        var withFew = Sql([1, 2, 3]);
        var withMany = Sql([.. Enumerable.Range(1, 40)]);

        Assert.Contains("json_each(@keys)", withFew, StringComparison.Ordinal);
        Assert.Equal(withFew, withMany);
    }
}
