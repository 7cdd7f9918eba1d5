using Governance.Domain.Common;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Asserts that an action breaks the named rule.</summary>
internal static class Rules
{
    public static BusinessRuleException Broken(string rule, Action action)
    {
        var refused = Assert.Throws<BusinessRuleException>(action);
        Assert.Equal(rule, refused.Rule);
        return refused;
    }

    public static DateTime Utc(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);
}
