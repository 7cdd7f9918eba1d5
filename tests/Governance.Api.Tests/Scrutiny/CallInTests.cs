using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Scrutiny;

/// <summary>A decision is published the day it is recorded; a councillor calls it in within the window and it is held until considered.</summary>
public sealed class CallInTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACouncillorCallsADecisionIn_ItIsHeld_UntilTheCommitteeConsidersIt()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        using var councillor = await app.ClientForAsync("Councillor");
        using var union = await app.ClientForAsync("UnionRepresentative");
        var meeting = (await CreatedAsync(dso, "/odata/Meetings", new { CommitteeId = 1, StartsAt = DateTime.UtcNow.AddDays(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), Venue = "Council Chamber" })).GetProperty("Id").GetInt32();
        var item = (await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 3, Title = "Closure of the Eastfield depot" })).GetProperty("Id").GetInt32();

        // The publication date is the server's: a back-dated one is refused, so the window cannot be made to have passed.
        using (var backDated = await dso.PostJsonAsync("/odata/Decisions", new { AgendaItemId = item, Outcome = "Close the depot.", VotesFor = 6, DecidedOn = "2026-01-01", PublishedOn = "2020-01-01" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, backDated.StatusCode);
            Assert.Contains("PublishedOn", await backDated.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        var decision = await CreatedAsync(dso, "/odata/Decisions", new { AgendaItemId = item, Outcome = "Close the depot.", VotesFor = 6, VotesAgainst = 3, DecidedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var id = decision.GetProperty("Id").GetInt32();
        Assert.Equal("NotCalledIn", decision.GetProperty("CallIn").GetString());
        Assert.True(DateOnly.Parse(decision.GetProperty("CallInEndsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(4)));

        using (var byUnion = await union.PostJsonAsync($"/odata/Decisions({id})/Governance.CallIn", new { Reason = "Staff were not consulted." }))
            Assert.Equal(HttpStatusCode.Forbidden, byUnion.StatusCode);
        using (var noReason = await councillor.PostJsonAsync($"/odata/Decisions({id})/Governance.CallIn", new { Reason = " " }))
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using (var calledIn = await councillor.PostJsonAsync($"/odata/Decisions({id})/Governance.CallIn", new { Reason = "The equality analysis was not before the committee." }))
        {
            Assert.Equal(HttpStatusCode.OK, calledIn.StatusCode);
            var body = await calledIn.JsonAsync();
            Assert.Equal("CalledIn", body.GetProperty("CallIn").GetString());
            Assert.Equal("councillor@demo.local", body.GetProperty("CalledInBy").GetString());
        }
        using (var twice = await councillor.PostJsonAsync($"/odata/Decisions({id})/Governance.CallIn", new { Reason = "Again." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.Contains("call-in-already", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var byCouncillor = await councillor.PostJsonAsync($"/odata/Decisions({id})/Governance.ConsiderCallIn", new { ReferBack = false, Minute = "Let it stand." }))
            Assert.Equal(HttpStatusCode.Forbidden, byCouncillor.StatusCode);
        using (var considered = await dso.PostJsonAsync($"/odata/Decisions({id})/Governance.ConsiderCallIn", new { ReferBack = true, Minute = "Referred back for the equality analysis." }))
        {
            Assert.Equal(HttpStatusCode.OK, considered.StatusCode);
            Assert.Equal("ReferredBack", (await considered.JsonAsync()).GetProperty("CallIn").GetString());
        }
        using (var again = await dso.PostJsonAsync($"/odata/Decisions({id})/Governance.ConsiderCallIn", new { ReferBack = false, Minute = "Again." }))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
