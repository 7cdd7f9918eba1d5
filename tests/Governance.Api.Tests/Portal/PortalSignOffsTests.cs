using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Portal;

/// <summary>A signatory decides a sign-off in the portal by the API's own decider: conditions need their text, and the decision is the API's record.</summary>
public sealed class PortalSignOffsTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, int id, string decision, string reason) =>
        await client.PostAsync("/sign-offs", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["decision"] = decision, ["reason"] = reason,
            ["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, "/sign-offs"),
        }), Ct);

    [Fact]
    public async Task TheStatutoryOfficer_ApprovesWithConditions_WhichNeedTheirText()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        using var raised = await officer.PostJsonAsync("/odata/SignOffRequests", new { SubjectType = "Procurement", SubjectId = 1, Gate = "shortlisting", RequiredRole = "StatutoryOfficer" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var id = (await raised.JsonAsync()).GetProperty("Id").GetInt32();

        using var signatory = await PortalClient.SignedInAsync(app, "StatutoryOfficer");
        Assert.Contains($"value=\"{id}\"", await signatory.GetStringAsync("/sign-offs", Ct), StringComparison.Ordinal);
        using (var bare = await DecideAsync(signatory, id, "ApprovedWithConditions", ""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
            Assert.Contains("There is a problem", await bare.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var decided = await DecideAsync(signatory, id, "ApprovedWithConditions", "Only if the shortlist report names the scoring panel."))
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var decisions = await officer.GetJsonAsync($"/odata/SignOffDecisions?$filter=SignOffRequestId eq {id}");
        var decision = Assert.Single(decisions.GetProperty("value").EnumerateArray());
        Assert.Equal("statutoryofficer@demo.local", decision.GetProperty("DecidedBy").GetString());

        using var councillor = await PortalClient.SignedInAsync(app, "Councillor");
        Assert.DoesNotContain($"value=\"{id}\"", await councillor.GetStringAsync("/sign-offs", Ct), StringComparison.Ordinal);
        using var refused = await DecideAsync(councillor, id, "Approved", "");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
