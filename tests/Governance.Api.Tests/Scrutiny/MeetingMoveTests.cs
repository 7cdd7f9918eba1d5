using System.Net;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Scrutiny;

/// <summary>Moving a meeting moves its items' paper deadlines in the same save: none keeps the deadline of a date the meeting no longer has.</summary>
public sealed class MeetingMoveTests(SqliteApp app)
{
    [Fact]
    public async Task MovingAMeeting_RecomputesEachItemsPublicationDeadline()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var meeting = (await CreatedAsync(dso, "/odata/Meetings", new { CommitteeId = 1, StartsAt = "2027-03-16T18:00:00Z", Venue = "Council Chamber" })).GetProperty("Id").GetInt32();
        var item = (await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 1, Title = "Contact centre performance" })).GetProperty("Id").GetInt32();
        Assert.Equal("2027-03-08", (await dso.GetJsonAsync($"/odata/AgendaItems({item})")).GetProperty("PublicationDeadline").GetString());

        using (var moved = await dso.SendJsonAsync(HttpMethod.Patch, $"/odata/Meetings({meeting})", new { StartsAt = "2027-03-09T18:00:00Z" }, "*"))
            Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("2027-03-01", (await dso.GetJsonAsync($"/odata/AgendaItems({item})")).GetProperty("PublicationDeadline").GetString());
    }
}
