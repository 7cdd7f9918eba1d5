using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.OData;

/// <summary>Prefer: odata.maxpagesize is honoured on every read, with $select and $expand too, and Preference-Applied says so.</summary>
public sealed class PreferMaxPageSizeTests(SqliteApp app)
{
    [Theory]
    [InlineData("/odata/Measurements")]
    [InlineData("/odata/Measurements?$select=Value")]
    [InlineData("/odata/Measurements?$expand=Indicator")]
    [InlineData("/odata/Measurements?$select=Value&$expand=Indicator($select=Code)")]
    public async Task APreferredPageSize_IsTheSizeOfEveryPage(string url)
    {
        using var councillor = await app.ClientForAsync("Councillor");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=7");
        using var response = await councillor.SendAsync(request, TestContext.Current.CancellationToken);
        var page = await response.JsonAsync();
        Assert.Equal(7, page.GetProperty("value").GetArrayLength());
        Assert.Contains("$skip=7", page.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
        Assert.Equal("odata.maxpagesize=7", Assert.Single(response.Headers.GetValues("Preference-Applied")));
    }
}
