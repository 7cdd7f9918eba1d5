using System.Net;
using Governance.Api.Jobs;
using Governance.Api.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Jobs;

public sealed class JobsTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void RecurringJobs_AreRegisteredWithStableIdsMinutelyInLondonTime()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        foreach (var id in new[] { RecurringJobs.WorkflowTimers, RecurringJobs.NotificationDelivery })
        {
            Assert.True(jobs.ContainsKey(id), $"{id} is not registered");
            Assert.Equal("* * * * *", jobs[id].Cron);
            Assert.Equal("Europe/London", jobs[id].TimeZoneId);
        }

        Assert.Equal("0 6 * * *", jobs[RecurringJobs.SlipDetection].Cron);
        Assert.Equal("Europe/London", jobs[RecurringJobs.SlipDetection].TimeZoneId);
    }

    [Fact]
    public async Task Dashboard_Anonymous_Is401()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/hangfire", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Councillor")]
    [InlineData("StatutoryOfficer")]
    public async Task Dashboard_OtherRoles_Are403(string role)
    {
        using var client = await app.ClientForAsync(role);
        using var response = await client.GetAsync("/hangfire", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Administrator_SeesIt()
    {
        using var client = await app.ClientForAsync("Administrator");
        using var response = await client.GetAsync("/hangfire/recurring", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RecurringJobs.WorkflowTimers, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
