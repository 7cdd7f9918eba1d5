using System.Globalization;
using System.Text.Json;
using Governance.Api.Features.Calendar;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Calendar;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Calendar;

/// <summary>Dates past the published bank-holiday lists follow the rules (never a 500) and say so; a council imports newer lists.</summary>
public sealed class CalendarTests(SqliteApp app)
{
    [Fact]
    public async Task AnAgendaItemForAMeetingIn2031_HasItsDeadline_MarkedAsProjected()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var meeting = (await CreatedAsync(dso, "/odata/Meetings", new { CommitteeId = 1, StartsAt = "2031-01-07T18:30:00Z", Venue = "Council Chamber" })).GetProperty("Id").GetInt32();

        var item = await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 1, Title = "Contract register: first quarter" });

        // Five clear working days before Tuesday 7 January 2031, New Year's Day (Wednesday) not counted.
        Assert.Equal("2030-12-27", item.GetProperty("PublicationDeadline").GetString());
        Assert.True(item.GetProperty("PublicationDeadlineProjected").GetBoolean());
        var earlier = (await CreatedAsync(dso, "/odata/Meetings", new { CommitteeId = 1, StartsAt = "2026-12-15T18:30:00Z", Venue = "Council Chamber" })).GetProperty("Id").GetInt32();
        Assert.False((await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = earlier, Number = 1, Title = "Budget monitoring" })).GetProperty("PublicationDeadlineProjected").GetBoolean());
    }

    [Fact]
    public async Task CalendarImport_WritesTheOneOffsAPublishedListImplies_KeepingEarlierYears()
    {
        var folder = Directory.CreateTempSubdirectory("governance-calendar-").FullName;
        try
        {
            var coronationDay = new DateOnly(2031, 5, 5); // a made-up proclamation, beside the early May holiday
            var published = Path.Combine(folder, "bank-holidays.json");
            var events = Enumerable.Range(2027, 5).SelectMany(y => BankHolidayRules.Compute(HolidayDivision.EnglandAndWales, y, OneOffs.Embedded))
                .Append(new DateOnly(2031, 5, 6))
                .Select(d => new { title = d == new DateOnly(2031, 5, 6) ? "A proclaimed holiday" : "Bank holiday", date = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            await File.WriteAllTextAsync(published, JsonSerializer.Serialize(new Dictionary<string, object> { ["england-and-wales"] = new { division = "england-and-wales", events } }), TestContext.Current.CancellationToken);
            var target = Path.Combine(folder, "data", "one-offs.json");
            var output = new StringWriter();

            Assert.Equal(0, await CouncilCalendar.ImportAsync(published, target, output));

            await using var written = File.OpenRead(target);
            var oneOffs = OneOffs.Load(written);
            Assert.Equal(new DateOnly(2031, 12, 31), oneOffs.KnownTo);
            Assert.Contains(oneOffs.Events, e => e.Date == new DateOnly(2031, 5, 6) && e.Title == "A proclaimed holiday");
            Assert.Contains(oneOffs.Events, e => e.Date == new DateOnly(2022, 9, 19)); // kept from before the list's first year
            Assert.DoesNotContain(oneOffs.Events, e => e.Date == coronationDay);
            Assert.Contains("known to 2031-12-31", output.ToString(), StringComparison.Ordinal);

            Assert.Equal(1, await CouncilCalendar.ImportAsync(Path.Combine(folder, "missing.json"), target, new StringWriter()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void CalendarImport_IsAHostCommand_ThatNeedsNoDatabase()
    {
        Assert.Equal(["calendar", "import", "bank-holidays.json"], HostCommands.Command(["--", "calendar", "import", "bank-holidays.json"])!);
        Assert.True(HostCommands.IsReadOnly(["calendar", "import", "bank-holidays.json"]));
    }
}
