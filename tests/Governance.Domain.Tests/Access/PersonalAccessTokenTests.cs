using Governance.Domain.Access;
using Governance.Domain.Common;

namespace Governance.Domain.Tests.Access;

public sealed class PersonalAccessTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static PersonalAccessToken Token(int days = 90) => PersonalAccessToken.Issue("user-1", " Power BI dashboard ", "hash", "gov_pat_abcd", Now, days);

    [Fact]
    public void Issue_SetsItsExpiry_FromItsLifetime()
    {
        var token = Token(90);

        Assert.Equal("Power BI dashboard", token.Name);
        Assert.Equal(Now.AddDays(90), token.ExpiresAt);
        Assert.True(token.IsUsableAt(Now.AddDays(89)));
        Assert.False(token.IsUsableAt(Now.AddDays(90)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(PersonalAccessToken.MaxLifetimeDays + 1)]
    public void Issue_RefusesALifetimeOutsideItsBounds(int days)
    {
        var refused = Assert.Throws<BusinessRuleException>(() => Token(days));
        Assert.Equal("token-lifetime", refused.Rule);
        Assert.True(refused.IsInvalidInput);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Issue_RefusesATokenWithoutAName(string name)
    {
        var refused = Assert.Throws<BusinessRuleException>(() => PersonalAccessToken.Issue("user-1", name, "hash", "p", Now, 30));
        Assert.Equal("token-name", refused.Rule);
    }

    [Fact]
    public void Revoke_EndsTheToken_Once()
    {
        var token = Token();
        token.Revoke("admin@council.example", Now.AddDays(1));

        Assert.False(token.IsUsableAt(Now.AddDays(2)));
        Assert.Equal("admin@council.example", token.RevokedBy);
        var again = Assert.Throws<BusinessRuleException>(() => token.Revoke("someone", Now.AddDays(3)));
        Assert.Equal("token-revoked", again.Rule);
        Assert.Equal(Now.AddDays(1), token.RevokedAt);
    }
}
