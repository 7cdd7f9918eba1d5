using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Portal;

/// <summary>
/// Issue 21's remediation journey: the contract manager agrees a plan with its actions on the escalation's page (the
/// plan recorded and the AgreeRemediation step taken together), the supplier reads its own escalations and reports on
/// the action it owns (not the council's, not another supplier's), and the manager marks the action done.
/// </summary>
public sealed class PortalRemediationTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string? handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await PortalClient.TokenAsync(client, page);
        return await client.PostAsync(handler is null ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    private async Task<(int Escalation, HttpClient Api)> AgreedAsync(HttpClient manager)
    {
        var api = await app.ClientForAsync("ContractManager");
        var escalation = await CreateEscalationAsync(api, "manual");
        var page = $"/work/escalations/{escalation}";
        Assert.Contains("Agree a remediation plan", WebUtility.HtmlDecode(await manager.GetStringAsync(page, Ct)), StringComparison.Ordinal);
        using var agreed = await PostAsync(manager, page, "Agree", new()
        {
            ["Plan.Title"] = "Complaints recovery plan", ["Plan.Objective"] = "Complaints below 60 a month for three months.", ["Plan.AgreedWith"] = "Meridian account director",
            ["Plan.Actions[0].Description"] = "Retrain complaint handlers", ["Plan.Actions[0].Owner"] = "Meridian contact centre manager", ["Plan.Actions[0].DueOn"] = "2027-02-26",
            ["Plan.Actions[0].OwnerIsSupplier"] = "true",
            ["Plan.Actions[1].Description"] = "Audit complaint handling", ["Plan.Actions[1].Owner"] = "Head of Business Improvement", ["Plan.Actions[1].DueOn"] = "2027-03-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        return (escalation, api);
    }

    [Fact]
    public async Task TheManager_RecordsARedReturn_OnTheContractsPage_AndItsSlipOpensAnEscalation()
    {
        using var api = await app.ClientForAsync("ContractManager");
        var contract = await Performance.PerformanceApi.ContractAsync(api);
        var kpi = await Performance.PerformanceApi.KpiAsync(api, contract, "Calls answered within 60 seconds");
        await Performance.PerformanceApi.ReturnAsync(api, kpi, 1, 96);

        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        var page = $"/work/contracts/{contract}";
        using (var bad = await PostAsync(manager, page, "Record", new() { ["kpi"] = $"{kpi}", ["month"] = "February", ["value"] = "eighty" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Enter the month the return is for", html, StringComparison.Ordinal);
            Assert.Contains("Enter the figure, as a number", html, StringComparison.Ordinal);
        }
        using (var recorded = await PostAsync(manager, page, "Record", new() { ["kpi"] = $"{kpi}", ["month"] = "2019-02", ["value"] = "80" }))
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var causes = await Performance.PerformanceApi.EscalationsByCauseAsync(api, contract);
        Assert.Equal(1, causes["red-period"]);
        var after = WebUtility.HtmlDecode(await manager.GetStringAsync(page, Ct));
        Assert.Contains("red period, opened", after, StringComparison.Ordinal);

        // Another contract's KPI cannot be recorded from this contract's page.
        var other = await Performance.PerformanceApi.ContractAsync(api);
        var theirs = await Performance.PerformanceApi.KpiAsync(api, other, "Someone else's KPI");
        using (var elsewhere = await PostAsync(manager, page, "Record", new() { ["kpi"] = $"{theirs}", ["month"] = "2019-02", ["value"] = "90" }))
            Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal(0, (await api.GetJsonAsync($"/odata/Measurements?$filter=IndicatorId eq {theirs}")).GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task TheManager_AgreesAPlanWithItsActions_InOneStep_AndBadInputIsSaidField_ByField()
    {
        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        var api = await app.ClientForAsync("ContractManager");
        var refusedOne = await CreateEscalationAsync(api, "manual");
        using (var empty = await PostAsync(manager, $"/work/escalations/{refusedOne}", "Agree", new() { ["Plan.Actions[0].DueOn"] = "next Tuesday" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Enter the plan's title", html, StringComparison.Ordinal);
            Assert.Contains("Enter the date action 1 is due", html, StringComparison.Ordinal);
        }
        Assert.Equal(0, (await api.GetJsonAsync($"/odata/RemediationPlans?$filter=EscalationId eq {refusedOne}")).GetProperty("value").GetArrayLength());

        var (escalation, _) = await AgreedAsync(manager);
        Assert.Equal("RemediationAgreed", (await api.GetJsonAsync($"/odata/Escalations({escalation})")).GetProperty("Status").GetString());
        var plan = (await api.GetJsonAsync($"/odata/RemediationPlans?$filter=EscalationId eq {escalation}")).GetProperty("value")[0];
        Assert.Equal(DateOnly.FromDateTime(TestClock.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)[..7], plan.GetProperty("AgreedOn").GetString()![..7]);
        var actions = (await api.GetJsonAsync($"/odata/RemediationActions?$filter=RemediationPlanId eq {plan.GetProperty("Id").GetInt32()}&$orderby=DueOn")).GetProperty("value");
        Assert.Equal(2, actions.GetArrayLength());
        Assert.True(actions[0].GetProperty("OwnerIsSupplier").GetBoolean());
        Assert.False(actions[1].GetProperty("OwnerIsSupplier").GetBoolean());
        var instance = await InstanceAsync(api, "Escalation", escalation);
        Assert.Equal("RemediationAgreed", instance.GetProperty("State").GetString());

        // Agreed already: the step is not offered again, and a forged post is refused without leaving a second plan.
        using (var again = await PostAsync(manager, $"/work/escalations/{escalation}", "Agree", new()
               {
                   ["Plan.Title"] = "Second plan", ["Plan.Objective"] = "x", ["Plan.Actions[0].Description"] = "y", ["Plan.Actions[0].Owner"] = "z", ["Plan.Actions[0].DueOn"] = "2027-01-01",
               }))
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(1, (await api.GetJsonAsync($"/odata/RemediationPlans?$filter=EscalationId eq {escalation}")).GetProperty("value").GetArrayLength());
    }

    [Fact]
    public async Task TheSupplier_ReportsOnItsOwnAction_OnlyThatOne_AndTheManagerMarksItDone()
    {
        using var manager = await PortalClient.SignedInAsync(app, "ContractManager");
        var (escalation, api) = await AgreedAsync(manager);
        var plan = (await api.GetJsonAsync($"/odata/RemediationPlans?$filter=EscalationId eq {escalation}")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        var actions = (await api.GetJsonAsync($"/odata/RemediationActions?$filter=RemediationPlanId eq {plan}&$orderby=DueOn")).GetProperty("value");
        int theirs = actions[0].GetProperty("Id").GetInt32(), councils = actions[1].GetProperty("Id").GetInt32();

        using var supplier = await PortalClient.SignedInAsync(app, "Supplier");
        var page = WebUtility.HtmlDecode(await supplier.GetStringAsync("/work/supplier/escalations", Ct));
        Assert.Contains("Plan: Complaints recovery plan", page, StringComparison.Ordinal);
        Assert.Contains("Retrain complaint handlers", page, StringComparison.Ordinal);
        using (var sent = await PostAsync(supplier, "/work/supplier/escalations", null, new() { ["action"] = $"{theirs}", ["response"] = "All handlers retrained by 20 February.", ["done"] = "true" }))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using (var notTheirs = await PostAsync(supplier, "/work/supplier/escalations", null, new() { ["action"] = $"{councils}", ["response"] = "We audited it ourselves." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, notTheirs.StatusCode);
            Assert.Contains("only an action the supplier owns", WebUtility.HtmlDecode(await notTheirs.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        using (var blank = await PostAsync(supplier, "/work/supplier/escalations", null, new() { ["action"] = $"{theirs}", ["response"] = "  " }))
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        using var otherSupplier = await PortalClient.SignedInAsync(app, "Supplier2");
        using (var stranger = await PostAsync(otherSupplier, "/work/supplier/escalations", null, new() { ["action"] = $"{theirs}", ["response"] = "Not our contract." }))
            Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.DoesNotContain("Complaints recovery plan", WebUtility.HtmlDecode(await otherSupplier.GetStringAsync("/work/supplier/escalations", Ct)), StringComparison.Ordinal);

        var reports = (await api.GetJsonAsync($"/odata/RemediationActionResponses?$filter=RemediationActionId eq {theirs}")).GetProperty("value");
        Assert.Equal(1, reports.GetArrayLength());
        Assert.Equal("supplier@demo.local", reports[0].GetProperty("RespondedBy").GetString());
        Assert.True(reports[0].GetProperty("ReportsDone").GetBoolean());
        Assert.Equal("Open", (await api.GetJsonAsync($"/odata/RemediationActions({theirs})")).GetProperty("Status").GetString()); // the supplier's word does not close it
        // Whose action it is decides who may report on it: an update cannot change it.
        var action = await api.GetJsonAsync($"/odata/RemediationActions({councils})");
        using (var patched = await api.SendJsonAsync(HttpMethod.Patch, $"/odata/RemediationActions({councils})", new { OwnerIsSupplier = true }, action.ETag()))
            Assert.Equal(HttpStatusCode.BadRequest, patched.StatusCode);
        // Nor can its due date, which decides when it is missed.
        using (var moved = await api.SendJsonAsync(HttpMethod.Patch, $"/odata/RemediationActions({councils})", new { DueOn = "2030-01-01" }, action.ETag()))
            Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);

        var managerPage = $"/work/escalations/{escalation}";
        Assert.Contains("All handlers retrained by 20 February. (reports it done)", WebUtility.HtmlDecode(await manager.GetStringAsync(managerPage, Ct)), StringComparison.Ordinal);
        using (var done = await PostAsync(manager, managerPage, "Complete", new() { ["action"] = $"{theirs}" }))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("Done", (await api.GetJsonAsync($"/odata/RemediationActions({theirs})")).GetProperty("Status").GetString());
        using (var twice = await PostAsync(manager, managerPage, "Complete", new() { ["action"] = $"{theirs}" }))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task ThroughTheApi_ASupplierReadsOnlyItsOwnContractsEscalations_AndReportsOnlyOnItsOwnActions()
    {
        using var meridian = await app.ClientForAsync("Supplier");
        var own = (await meridian.GetJsonAsync("/odata/Escalations?$select=Id,ContractId,InternalSlaId")).GetProperty("value");
        Assert.True(own.GetArrayLength() > 0);
        Assert.All(own.EnumerateArray(), e => Assert.Equal(System.Text.Json.JsonValueKind.Null, e.GetProperty("InternalSlaId").ValueKind));
        using var officer = await app.ClientForAsync("ContractManager");
        var meridianContracts = (await officer.GetJsonAsync("/odata/Contracts?$filter=SupplierId eq 1&$select=Id")).GetProperty("value").EnumerateArray().Select(c => c.GetProperty("Id").GetInt32()).ToHashSet();
        Assert.All(own.EnumerateArray(), e => Assert.Contains(e.GetProperty("ContractId").GetInt32(), meridianContracts));

        using var oakfield = await app.ClientForAsync("Supplier2");
        Assert.DoesNotContain(own[0].GetProperty("Id").GetInt32(),
            (await oakfield.GetJsonAsync("/odata/Escalations?$select=Id")).GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Id").GetInt32()));
        var seededAction = (await meridian.GetJsonAsync("/odata/RemediationActions?$filter=OwnerIsSupplier eq true")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        Assert.Equal(0, (await oakfield.GetJsonAsync($"/odata/RemediationActionResponses?$filter=RemediationActionId eq {seededAction}")).GetProperty("value").GetArrayLength());
        await TenderApi.RefusedAsync(oakfield, "/odata/RemediationActionResponses", new { RemediationActionId = seededAction, Response = "Not ours." }, HttpStatusCode.BadRequest);
        await TenderApi.RefusedAsync(officer, "/odata/RemediationActionResponses", new { RemediationActionId = seededAction, Response = "Council cannot answer for the supplier." }, HttpStatusCode.Forbidden);
        await TenderApi.RefusedAsync(meridian, $"/odata/Escalations({own[0].GetProperty("Id").GetInt32()})/Governance.GenerateReport", new { }, HttpStatusCode.Forbidden);
    }
}
