using Governance.Domain.Scrutiny;

namespace Governance.Domain.Tests.Scrutiny;

/// <summary>A seat counts only within its term; the scrutiny chair's gate is signed only by a sitting chair of a scrutiny committee.</summary>
public sealed class MemberTermTests
{
    private static readonly Committee Scrutiny = new() { Id = 1, Name = "Overview and Scrutiny Commission", Kind = CommitteeKind.OverviewAndScrutiny };
    private static readonly Committee Cabinet = new() { Id = 2, Name = "Cabinet", Kind = CommitteeKind.Cabinet };

    private static Member Seat(Committee committee, MemberRole role, string start, string? end = null) => new()
    {
        Committee = committee, CommitteeId = committee.Id, Role = role, Name = "Cllr Test", TermStart = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        TermEnd = end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData("2014-05-22", true)]
    [InlineData("2015-05-07", true)]
    [InlineData("2015-05-08", false)]
    [InlineData("2014-05-21", false)]
    public void SitsOn_CountsFromTheFirstToTheLastDayOfTheTerm(string day, bool sits) =>
        Assert.Equal(sits, Seat(Scrutiny, MemberRole.Member, "2014-05-22", "2015-05-07").SitsOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void SitsOn_AnArchivedSeat_DoesNotCount()
    {
        var seat = Seat(Scrutiny, MemberRole.Chair, "2014-05-22");
        seat.Archive(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.False(seat.SitsOn(new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void ChairsScrutinyOn_OnlyASittingChairOfAScrutinyCommittee()
    {
        var day = new DateOnly(2026, 12, 3);
        Assert.True(Member.ChairsScrutinyOn([Seat(Scrutiny, MemberRole.Chair, "2014-05-22")], day));
        Assert.False(Member.ChairsScrutinyOn([Seat(Scrutiny, MemberRole.ViceChair, "2014-05-22")], day));
        Assert.False(Member.ChairsScrutinyOn([Seat(Cabinet, MemberRole.Chair, "2014-05-22")], day));
        Assert.False(Member.ChairsScrutinyOn([Seat(Scrutiny, MemberRole.Chair, "2011-05-01", "2015-05-07")], day));
        Assert.False(Member.ChairsScrutinyOn([Seat(Scrutiny, MemberRole.Chair, "2027-05-06")], day));
        Assert.False(Member.ChairsScrutinyOn([], day));
    }
}
