using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>A host that logs the SQL text of every command (never the parameters' values).</summary>
public sealed class SqlLoggingApp : SqliteAppBase
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    };
}

/// <summary>A client's values reach the database as parameters, never in the SQL text, on every query path.</summary>
public sealed class SqlParametersTests(SqlLoggingApp app) : IClassFixture<SqlLoggingApp>
{
    public static TheoryData<string, string> Queries => new()
    {
        { "/odata/Procurements?$filter=Reference eq '{0}'", "listing, string" },
        { "/odata/Procurements?$filter=Reference eq '{0}'&$expand=Stages", "listing with an expansion" },
        { "/odata/Procurements?$filter=Reference in ('{0}','other-{0}')", "in (...)" },
        { "/odata/Procurements?$filter=contains(Title,'{0}')&$count=true", "function and count" },
        { "/odata/Procurements?$filter=Reference eq '{0}'&$select=Reference", "select" },
        { "/odata/Procurements?$apply=filter(Reference eq '{0}')/aggregate($count as N)", "$apply" },
        { "/odata/Procurements/$count?$filter=Reference eq '{0}'", "$count segment" },
        { "/odata/Procurements?$search=%22{0}%22", "$search" },
        { "/odata/Measurements?$filter=Value gt 987654.321{1}", "number" },
        { "/odata/Measurements?$filter=PeriodStart gt 1987-06-{1}", "date" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task FilterValues_AreParameters_NeverSqlText(string template, string path)
    {
        var marker = $"zq{Guid.NewGuid():N}"[..14];
        var day = Random.Shared.Next(10, 29).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, marker, day);
        using var client = await app.ClientForAsync("ProcurementOfficer");
        var before = app.Logs.Entries.Count;
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");

        var commands = app.Logs.Entries.Skip(before).Where(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command").Select(e => e.Message).ToList();
        Assert.Contains(commands, c => c.Contains(url.Contains("Measurements", StringComparison.Ordinal) ? "\"Measurements\"" : "\"Procurements\"", StringComparison.Ordinal));
        var value = url.Contains("Measurements", StringComparison.Ordinal) ? (url.Contains("987654", StringComparison.Ordinal) ? "987654.321" : $"1987-06-{day}") : marker;
        Assert.DoesNotContain(commands, c => c.Contains(value, StringComparison.Ordinal));
    }
}
