using Governance.Api.OData;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The limits the API promises, restated so a change to them shows up as a test change.</summary>
public static class GovernanceQuery
{
    public const int PageSize = 100;
    public const int MaxTop = 1000;

    static GovernanceQuery()
    {
        Assert.Equal(PageSize, GovernanceQueryAttribute.MaxPageSize);
        Assert.Equal(MaxTop, GovernanceQueryAttribute.MaxTopValue);
    }
}
