using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Portal;

/// <summary>Issue 21's escalation page: where the case stands on the ladder, who holds it, and the report with its plan, as HTML.</summary>
public sealed class PortalEscalationTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AContractManager_SeesTheLadderAndTheReport_AndACouncillorIsRefused()
    {
        using var api = await app.ClientForAsync("ContractManager");
        var id = (await api.GetJsonAsync("/odata/Escalations?$filter=Cause eq 'consecutive-amber' and Level eq 'Director'&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt32();

        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        var page = WebUtility.HtmlDecode(await manager.GetStringAsync($"/work/escalations/{id}", Ct));
        Assert.Matches(@"<strong>Director</strong>\s*<strong class=""govuk-tag govuk-tag--blue"">Here now</strong>", page);
        Assert.Contains("Contact centre recovery plan", page, StringComparison.Ordinal);
        Assert.Contains("Recruit and train 12 additional contact centre advisers", page, StringComparison.Ordinal);

        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        using var forbidden = await councillor.GetAsync($"/work/escalations/{id}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var missing = await manager.GetAsync("/work/escalations/99999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task TheReport_IsFiledAsAPdfVersion_FromTheDirectorsRung_AndNotBelowIt()
    {
        using var api = await app.ClientForAsync("ContractManager");
        var senior = (await api.GetJsonAsync("/odata/Escalations?$filter=Cause eq 'consecutive-amber' and Level eq 'Director'&$select=Id")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var junior = await WorkflowApi.CreateEscalationAsync(api, "manual");

        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        async Task<HttpResponseMessage> FileAsync(int id)
        {
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await PortalClient.TokenAsync(manager, $"/work/escalations/{id}") };
            return await manager.PostAsync($"/work/escalations/{id}?handler=Pdf", new FormUrlEncodedContent(fields), Ct);
        }
        using (var filed = await FileAsync(senior))
        {
            Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
            Assert.Equal("application/pdf", filed.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await filed.Content.ReadAsByteArrayAsync(Ct))[..5]), StringComparison.Ordinal);
            var document = int.Parse(filed.Headers.GetValues("X-Document-Id").Single(), System.Globalization.CultureInfo.InvariantCulture);
            var record = await api.GetJsonAsync($"/odata/PublishedDocuments({document})");
            Assert.Equal("EscalationReport", record.GetProperty("Kind").GetString());
            Assert.Equal(senior, record.GetProperty("SubjectId").GetInt32());
        }
        Assert.DoesNotContain("File the report as a PDF", await manager.GetStringAsync($"/work/escalations/{junior}", Ct), StringComparison.Ordinal);
        using (var early = await FileAsync(junior))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
    }
}
