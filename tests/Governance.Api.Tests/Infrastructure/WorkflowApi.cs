using System.Net;
using System.Text.Json;
using Governance.Api.Features.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The steps workflow tests repeat, each through the API as a user would take it.</summary>
public static class WorkflowApi
{
    /// <summary>A new procurement; a PCR 2015 competitive dialogue only in a test that has travelled to before 24 February 2025.</summary>
    public static async Task<int> CreateProcurementAsync(HttpClient officer, string procedure)
    {
        using var response = await officer.PostJsonAsync("/odata/Procurements", new
        {
            Reference = $"T-{Guid.NewGuid():N}"[..24], Title = "Test procurement", DepartmentId = 1, Procedure = procedure, EstimatedValue = 250000,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("Id").GetInt32();
    }

    public static async Task<int> CreateEscalationAsync(HttpClient manager, string cause)
    {
        using var response = await manager.PostJsonAsync("/odata/Escalations", new { ContractId = 1, Cause = cause, Summary = "Test slip" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("Id").GetInt32();
    }

    public static async Task<JsonElement> InstanceAsync(HttpClient client, string subjectType, int subjectId)
    {
        var result = await client.GetJsonAsync($"/odata/WorkflowInstances?$filter=SubjectType eq '{subjectType}' and SubjectId eq {subjectId}");
        return Assert.Single(result.GetProperty("value").EnumerateArray());
    }

    public static Task<HttpResponseMessage> FireAsync(HttpClient client, int instanceId, string trigger, string? comment = null) =>
        client.PostJsonAsync($"/odata/WorkflowInstances({instanceId})/Governance.Fire", new { Trigger = trigger, Comment = comment });

    public static async Task FireOkAsync(HttpClient client, int instanceId, string trigger, string? comment = null)
    {
        using var response = await FireAsync(client, instanceId, trigger, comment);
        Assert.True(response.IsSuccessStatusCode, $"{trigger}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// The gate's sign-off by each role given (the Section 151 officer by default): the role's demo account approves
    /// every request pending for it (the workflow may have raised one), after the procurement officer raises one if
    /// none is pending.
    /// </summary>
    public static async Task SignOffAsync(GovernanceApp app, string subjectType, int subjectId, string gate, params string[] roles)
    {
        foreach (var role in roles.Length == 0 ? ["StatutoryOfficer"] : roles)
        {
            using var signatory = await app.ClientForAsync(role);
            var pendingUrl = $"/odata/SignOffRequests?$filter=SubjectType eq '{subjectType}' and SubjectId eq {subjectId} and Gate eq '{gate}' and RequiredRole eq '{role}' and Status eq 'Pending'";
            var pending = (await signatory.GetJsonAsync(pendingUrl)).GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Id").GetInt32()).ToList();
            if (pending.Count == 0)
            {
                using var officer = await app.ClientForAsync("ProcurementOfficer");
                using var raised = await officer.PostJsonAsync("/odata/SignOffRequests", new { SubjectType = subjectType, SubjectId = subjectId, Gate = gate, RequiredRole = role });
                Assert.True(raised.StatusCode == HttpStatusCode.Created, await raised.Content.ReadAsStringAsync());
                pending.Add((await raised.JsonAsync()).GetProperty("Id").GetInt32());
            }

            foreach (var id in pending)
            {
                using var decided = await signatory.PostJsonAsync($"/odata/SignOffRequests({id})/Governance.Decide", new { Decision = "Approved" });
                Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
            }
        }
    }

    /// <summary>Runs the timer job as if the clock read <paramref name="utc"/>.</summary>
    public static async Task RunTimersAtAsync(IServiceProvider services, DateTime utc)
    {
        await using var scope = services.CreateAsyncScope();
        var clock = new FakeTimeProvider(new DateTimeOffset(utc, TimeSpan.Zero));
        var commands = ActivatorUtilities.CreateInstance<WorkflowCommands>(scope.ServiceProvider, clock);
        await ActivatorUtilities.CreateInstance<FireDueTimersJob>(scope.ServiceProvider, commands, clock).RunAsync(CancellationToken.None);
    }
}
