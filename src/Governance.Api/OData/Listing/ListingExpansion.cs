using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
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
    private static readonly MethodInfo LoadRowsMethod = typeof(ListingExpansion).GetMethod(nameof(RowsLoader), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<object, object?> parentValue;
    private readonly Func<object, object?> childValue;
    private readonly Func<object, object?> childKey;
    private readonly Func<DbContext, List<object>, CancellationToken, Task<List<object>>> loadRows;

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
        loadRows = (Func<DbContext, List<object>, CancellationToken, Task<List<object>>>)LoadRowsMethod
            .MakeGenericMethod(plan.EfType.ClrType, childProperty.ClrType).Invoke(null, [childProperty.Name])!;
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
        var rows = await loadRows(db, values, ct);
        return rows.OrderBy(childKey).GroupBy(r => childValue(r)!).ToDictionary(g => g.Key, g => g.ToList());
    }

    public object? LinkOf(object parent) => parentValue(parent);

    /// <summary>
    /// The related rows whose <paramref name="property"/> is one of the page's values, as a query EF compiles once
    /// (it would otherwise rewrite and hash the query's tree for every page). The values go as one parameter
    /// (DataRegistration), so the SQL is the same for every page. Compiled again for a context of another model.
    /// </summary>
    private static Func<DbContext, List<object>, CancellationToken, Task<List<object>>> RowsLoader<TEntity, TValue>(string property)
        where TEntity : class
    {
        CompiledRows<TEntity, TValue>? compiled = null;
        return async (db, values, ct) =>
        {
            var query = compiled;
            if (query is null || query.Model != db.Model)
                compiled = query = new CompiledRows<TEntity, TValue>(db, property);

            var keys = values.ConvertAll(v => (TValue)v);
            var rows = new List<object>();
            if (query.ReadsSynchronously)
            {
                foreach (var row in query.Rows(db, keys))
                    rows.Add(row);
            }
            else
            {
                await foreach (var row in query.RowsAsync(db, keys).WithCancellation(ct))
                    rows.Add(row);
            }

            return rows;
        };
    }

    private sealed class CompiledRows<TEntity, TValue>(DbContext db, string property)
        where TEntity : class
    {
        public IModel Model { get; } = db.Model;

        // Microsoft.Data.Sqlite has no asynchronous I/O: its async reads run synchronously and add a task per row.
        public bool ReadsSynchronously { get; } = db.Database.IsSqlite();

        public Func<DbContext, List<TValue>, IEnumerable<TEntity>> Rows { get; } =
            EF.CompileQuery((DbContext c, List<TValue> keys) => c.Set<TEntity>().AsNoTracking().Where(e => keys.Contains(EF.Property<TValue>(e, property))));

        public Func<DbContext, List<TValue>, IAsyncEnumerable<TEntity>> RowsAsync { get; } =
            EF.CompileAsyncQuery((DbContext c, List<TValue> keys) => c.Set<TEntity>().AsNoTracking().Where(e => keys.Contains(EF.Property<TValue>(e, property))));
    }
}
