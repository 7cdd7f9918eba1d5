using Governance.Domain.Documents;

namespace Governance.Domain.Tests.Scrutiny;

/// <summary>Which version of a paper went out for its meeting: the last before it began, else the first after.</summary>
public sealed class PaperVersionTests
{
    private static readonly DateTime Meeting = new(2027, 3, 16, 18, 30, 0, DateTimeKind.Utc);

    private static PublishedDocument Version(int number, DateTime at) => new() { Id = number, Version = number, PublishedAt = at };

    [Fact]
    public void WentOutFor_IsTheLastVersionBeforeTheMeeting_NotACorrectionAfterIt()
    {
        PublishedDocument[] versions = [Version(1, Meeting.AddDays(-9)), Version(2, Meeting.AddDays(-6)), Version(3, Meeting.AddDays(2))];

        Assert.Equal(2, PublishedDocument.WentOutFor(versions, Meeting)!.Version);
    }

    [Fact]
    public void WentOutFor_APaperOnlyPublishedAfterTheMeeting_IsItsFirstVersion_AndNoneIsNone()
    {
        Assert.Equal(1, PublishedDocument.WentOutFor([Version(2, Meeting.AddDays(3)), Version(1, Meeting.AddDays(1))], Meeting)!.Version);
        Assert.Null(PublishedDocument.WentOutFor([], Meeting));
    }
}
