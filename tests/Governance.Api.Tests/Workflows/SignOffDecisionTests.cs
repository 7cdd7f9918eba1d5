using System.Net;
using Governance.Api.Tests.Infrastructure;

namespace Governance.Api.Tests.Workflows;

/// <summary>Sign-offs are decided once, by the role they name, never by the person who raised them.</summary>
public sealed class SignOffDecisionTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> RaiseAsync(string raiserRoleOrEmail, string requiredRole)
    {
        using var raiser = raiserRoleOrEmail.Contains('@', StringComparison.Ordinal) ? await SignedInAsync(raiserRoleOrEmail) : await app.ClientForAsync(raiserRoleOrEmail);
        using var response = await raiser.PostJsonAsync("/odata/SignOffRequests", new { SubjectType = "Procurement", SubjectId = 1, Gate = "shortlisting", RequiredRole = requiredRole });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("Id").GetInt32();
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.SignInAsync(email, "Dual-role-password-1"));
        return client;
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, int id, string decision, string? reason = null) =>
        client.PostJsonAsync($"/odata/SignOffRequests({id})/Governance.Decide", new { Decision = decision, Reason = reason });

    [Fact]
    public async Task Decide_ByTheNamedRole_RecordsWhoAndWhen()
    {
        var id = await RaiseAsync("ProcurementOfficer", "StatutoryOfficer");
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        using var response = await DecideAsync(statutory, id, "ApprovedWithConditions", "Within the approved budget envelope only");
        Assert.True(response.IsSuccessStatusCode);
        var decided = await response.JsonAsync();
        Assert.Equal("statutoryofficer@demo.local", decided.GetProperty("DecidedBy").GetString());
        Assert.Equal("Within the approved budget envelope only", decided.GetProperty("DecisionReason").GetString());
    }

    [Fact]
    public async Task Decide_ByAnotherRole_Is403()
    {
        var id = await RaiseAsync("ProcurementOfficer", "StatutoryOfficer");
        using var councillor = await app.ClientForAsync("Councillor");
        using var response = await DecideAsync(councillor, id, "Approved");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Decide_ByTheRaiser_IsRefused()
    {
        // The signatory role comes from the workflow, so the raiser must hold it too: an officer who is also a statutory officer.
        using var admin = await app.ClientForAsync("Administrator");
        var email = $"dual-{Guid.NewGuid():N}@council.example";
        using (var created = await admin.PostJsonAsync("/auth/users", new { email, displayName = "Dual role", password = "Dual-role-password-1", roles = new[] { "ProcurementOfficer", "StatutoryOfficer" } }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = await RaiseAsync(email, "StatutoryOfficer");
        using var dual = await SignedInAsync(email);
        using var response = await DecideAsync(dual, id, "Approved");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no-self-sign-off", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_Twice_Is409()
    {
        var id = await RaiseAsync("ProcurementOfficer", "StatutoryOfficer");
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        (await DecideAsync(statutory, id, "Approved")).Dispose();
        using var again = await DecideAsync(statutory, id, "Rejected", "Changed my mind");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Reject_WithoutReasons_Is400()
    {
        var id = await RaiseAsync("ProcurementOfficer", "StatutoryOfficer");
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        using var response = await DecideAsync(statutory, id, "Rejected");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ErrorBodies.AssertNothingInternal(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Quorum_TwoApprovalsNeeded_ApprovedOnlyWhenBothAreIn()
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        using var raised = await officer.PostJsonAsync("/odata/SignOffRequests", new { SubjectType = "Procurement", SubjectId = 1, Gate = "shortlisting", RequiredRole = "StatutoryOfficer", Quorum = 2 });
        var id = (await raised.JsonAsync()).GetProperty("Id").GetInt32();
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        var first = await (await DecideAsync(statutory, id, "ApprovedWithConditions", "Within budget only")).JsonAsync();
        Assert.Equal("Pending", first.GetProperty("Status").GetString());
        Assert.Equal(1, first.GetProperty("Approvals").GetInt32());
        using var again = await DecideAsync(statutory, id, "Approved");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // each signatory decides once

        using var admin = await app.ClientForAsync("Administrator");
        using var created = await admin.PostJsonAsync("/auth/users", new { email = $"monitoring-{Guid.NewGuid():N}@council.example", displayName = "Monitoring officer", password = "Monitoring-officer-1", roles = new[] { "StatutoryOfficer" } });
        var email = (await created.JsonAsync()).GetProperty("email").GetString()!;
        using var second = app.CreateClient();
        second.DefaultRequestHeaders.Authorization = new("Bearer", await app.SignInAsync(email, "Monitoring-officer-1"));
        var approved = await (await DecideAsync(second, id, "Approved")).JsonAsync();
        Assert.Equal("ApprovedWithConditions", approved.GetProperty("Status").GetString());

        var decisions = (await officer.GetJsonAsync($"/odata/SignOffDecisions?$filter=SignOffRequestId eq {id}&$orderby=Id")).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, decisions.Count);
        using var discharge = await officer.PostJsonAsync($"/odata/SignOffDecisions({decisions[0].GetProperty("Id").GetInt32()})/Governance.Discharge", new { });
        Assert.True(discharge.IsSuccessStatusCode);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await discharge.JsonAsync()).GetProperty("ConditionsDischargedAt").ValueKind);
    }
}
