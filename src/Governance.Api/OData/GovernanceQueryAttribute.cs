using Microsoft.AspNetCore.OData.Query;

namespace Governance.Api.OData;

/// <summary>
/// [EnableQuery] with every limit set explicitly. Changing one is an API change: the limits are tested at the
/// limit and one past it.
/// </summary>
public sealed class GovernanceQueryAttribute : EnableQueryAttribute
{
    public const int MaxPageSize = 100;
    public const int MaxTopValue = 1000;
    public const int MaxDepth = 3;
    public const int MaxNodes = 100;
    public const int MaxAnyAllDepth = 2;
    public const int MaxOrderByNodes = 5;

    public GovernanceQueryAttribute()
    {
        PageSize = MaxPageSize;
        MaxTop = MaxTopValue;
        MaxExpansionDepth = MaxDepth;
        MaxNodeCount = MaxNodes;
        MaxAnyAllExpressionDepth = MaxAnyAllDepth;
        MaxOrderByNodeCount = MaxOrderByNodes;
        HandleNullPropagation = HandleNullPropagationOption.False;
    }
}
