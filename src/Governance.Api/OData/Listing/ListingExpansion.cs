using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Governance.Api.OData.Listing;

/// <summary>
/// One plain $expand of a listing, loaded for the whole page with a second query that matches on the foreign
/// key (as EF's split queries do) rather than the package's projection of every row through wrappers. The
/// related set's query filters (archival, exemption) apply exactly as they do to a navigation.
/// </summary>
internal sealed class ListingExpansion
{
    private static readonly ConcurrentDictionary<(IEdmEntitySet, IEdmNavigationProperty), ListingExpansion?> Expansions = new();
    private static readonly MethodInfo LoadRowsMethod = typeof(ListingExpansion).GetMethod(nameof(LoadRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<object, object?> parentValue;
    private readonly Func<object, object?> childValue;
    private readonly Func<object, object?> childKey;
    private readonly Func<DbContext, string, List<object>, CancellationToken, Task<List<object>>> loadRows;
    private readonly string childProperty;

    private ListingExpansion(
        string name, bool isCollection, EntityJsonPlan plan, IProperty parentProperty, IProperty childProperty, IProperty childKey)
    {
        Name = name;
        JsonName = JsonEncodedText.Encode(name);
        IsCollection = isCollection;
        Plan = plan;
        parentValue = EntityJsonPlan.Reader(parentProperty.PropertyInfo!);
        childValue = EntityJsonPlan.Reader(childProperty.PropertyInfo!);
        this.childKey = EntityJsonPlan.Reader(childKey.PropertyInfo!);
        this.childProperty = childProperty.Name;
        loadRows = LoadRowsMethod.MakeGenericMethod(plan.EfType.ClrType, childProperty.ClrType)
            .CreateDelegate<Func<DbContext, string, List<object>, CancellationToken, Task<List<object>>>>();
    }

    public string Name { get; }

    public JsonEncodedText JsonName { get; }

    public bool IsCollection { get; }

    public EntityJsonPlan Plan { get; }

    public static ListingExpansion? TryCreate(IEdmModel model, IEdmEntitySet entitySet, IEntityType efType, SelectItem item) =>
        item is ExpandedNavigationSelectItem
            {
                PathToNavigationProperty: { Count: 1, FirstSegment: NavigationPropertySegment { NavigationProperty: var edmNavigation } },
                SelectAndExpand: { AllSelected: true } nested,
                FilterOption: null, OrderByOption: null, TopOption: null, SkipOption: null, CountOption: null,
                SearchOption: null, LevelsOption: null, ComputeOption: null, ApplyOption: null,
            }
        && !nested.SelectedItems.Any()
            ? Expansions.GetOrAdd((entitySet, edmNavigation), _ => Build(model, entitySet, efType, edmNavigation))
            : null;

    private static ListingExpansion? Build(IEdmModel model, IEdmEntitySet entitySet, IEntityType efType, IEdmNavigationProperty edmNavigation)
    {
        if (efType.FindNavigation(edmNavigation.Name) is not { } navigation
            || navigation.IsCollection != edmNavigation.Type.IsCollection()
            || entitySet.FindNavigationTarget(edmNavigation) is not IEdmEntitySet target
            || EntityJsonPlan.For(model, target, navigation.TargetEntityType) is not { } plan)
            return null;

        var foreignKey = navigation.ForeignKey;
        if (foreignKey.Properties.Count != 1 || navigation.TargetEntityType.FindPrimaryKey() is not { Properties.Count: 1 } key)
            return null;
        var (parent, child) = navigation.IsOnDependent
            ? (foreignKey.Properties[0], foreignKey.PrincipalKey.Properties[0])
            : (foreignKey.PrincipalKey.Properties[0], foreignKey.Properties[0]);
        if (parent.PropertyInfo is null || child.PropertyInfo is null || key.Properties[0].PropertyInfo is null)
            return null;
        return new ListingExpansion(edmNavigation.Name, navigation.IsCollection, plan, parent, child, key.Properties[0]);
    }

    /// <summary>The related rows of a page, by the value that links them to their parent, each group in key order.</summary>
    public async Task<Dictionary<object, List<object>>> LoadAsync(DbContext db, IReadOnlyList<object> parents, CancellationToken ct)
    {
        var values = parents.Select(parentValue).OfType<object>().Distinct().ToList();
        if (values.Count == 0)
            return [];
        var rows = await loadRows(db, childProperty, values, ct);
        return rows.OrderBy(childKey).GroupBy(r => childValue(r)!).ToDictionary(g => g.Key, g => g.ToList());
    }

    public object? LinkOf(object parent) => parentValue(parent);

    private static async Task<List<object>> LoadRowsAsync<TEntity, TValue>(DbContext db, string property, List<object> values, CancellationToken ct)
        where TEntity : class
    {
        var typed = values.Select(v => (TValue)v).ToList();
        // The keys go as one parameter: given one each, EF writes the SQL afresh for every page it loads.
        var query = db.Set<TEntity>().AsNoTracking().Where(e => EF.Parameter(typed).Contains(EF.Property<TValue>(e, property)));
        // Microsoft.Data.Sqlite has no asynchronous I/O: its async reads run synchronously and add a task per row.
        // (Asked by its connection: IsSqlite() looks the provider's assembly name up on every call.)
        var rows = db.Database.GetDbConnection() is SqliteConnection ? query.ToList() : await query.ToListAsync(ct);
        return rows.ConvertAll(r => (object)r);
    }
}
