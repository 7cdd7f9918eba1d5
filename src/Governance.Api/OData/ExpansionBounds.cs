using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace Governance.Api.OData;

/// <summary>
/// Bounds on what one response may expand, beyond the package's depth limit: an expansion may not return to an entity
/// set already on its path (Indicators -> Measurements -> Indicator -> Measurements multiplies every row by every
/// other), and a collection expanded inside another collection must say how many rows it wants ($top, at most
/// <see cref="GovernanceQueryAttribute.MaxPageSize"/>), so a page's rows are bounded by page size times the $tops.
/// </summary>
internal static class ExpansionBounds
{
    public static void Check(SelectExpandClause clause, List<string> path, bool insideCollection)
    {
        foreach (var item in clause.SelectedItems.OfType<ExpandedNavigationSelectItem>())
        {
            var target = item.NavigationSource?.Name ?? "";
            if (path.Contains(target, StringComparer.Ordinal))
            {
                throw new ODataException(
                    $"$expand returns to {target} through {string.Join(" -> ", path.Append(target))}: an expansion may not return to an entity set it came from (query that set directly).");
            }

            var isCollection = item.PathToNavigationProperty.LastSegment is NavigationPropertySegment { NavigationProperty.Type.Definition.TypeKind: Microsoft.OData.Edm.EdmTypeKind.Collection };
            if (isCollection && insideCollection && (item.TopOption is not { } top || top > GovernanceQueryAttribute.MaxPageSize))
            {
                throw new ODataException(
                    $"$expand of {target} inside another collection needs $top (at most {GovernanceQueryAttribute.MaxPageSize}), e.g. {target}($top=12): without it one page could hold millions of rows.");
            }

            if (item.SelectAndExpand is { } inner)
                Check(inner, [.. path, target], insideCollection || isCollection);
        }
    }
}
