using System.Text;
using Governance.Domain.Common;
using Governance.Domain.Documents;

namespace Governance.Domain.Tests.Documents;

public sealed class AttachmentTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    private static Attachment Describe(byte[] bytes, string type = "application/pdf", string name = "bid.pdf", long max = Attachment.MaxBytes) =>
        Attachment.Describe(AttachmentOwner.Submission, 7, name, type, bytes, "bidder@example.org", Now, max);

    [Fact]
    public void AFile_IsDescribedByItsHash_ItsLastNamePart_AndWhoAttachedIt()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7 body");
        var file = Describe(bytes, "application/pdf; charset=binary", @"C:\Users\bidder\..\bid.pdf");
        Assert.Equal("bid.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(bytes.Length, file.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), file.Sha256);
        Assert.Equal("bidder@example.org", file.AttachedBy);
        Assert.Equal(Now, file.AttachedAt);
    }

    [Theory]
    [InlineData("attachment-empty", "", "application/pdf")]
    [InlineData("attachment-type", "MZ a program", "application/pdf")]
    [InlineData("attachment-type", "%PDF-1.7", "application/x-msdownload")]
    [InlineData("attachment-type", "\u0000\u0001 binary", "text/csv")]
    public void AFileThatIsNotWhatItSays_OrEmpty_IsRefused(string rule, string content, string type)
    {
        var refused = Assert.Throws<BusinessRuleException>(() => Describe(Encoding.UTF8.GetBytes(content), type));
        Assert.Equal(rule, refused.Rule);
        Assert.True(refused.IsInvalidInput);
    }

    [Fact]
    public void AFileOverTheLimit_IsRefused_SayingTheLimit()
    {
        var refused = Assert.Throws<BusinessRuleException>(() => Describe(Encoding.ASCII.GetBytes("%PDF-" + new string('x', 2 * 1024 * 1024)), max: 1024 * 1024));
        Assert.Equal("attachment-too-large", refused.Rule);
        Assert.Contains("at most 1 MB", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_IsTakenAsUtf8()
    {
        var file = Describe(Encoding.UTF8.GetBytes("contract,indicator\nSSO-2012-001,£ figures\n"), "text/csv", "returns.csv");
        Assert.Equal("text/csv", file.ContentType);
    }
}
