using System.Text.RegularExpressions;
using Governance.Api.Data;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.OData.Edm;

namespace Governance.Api.OData;

/// <summary>
/// Paths below one record. Collection navigation paths (<c>Contracts(1)/Indicators</c>, with <c>/$count</c> and any
/// query options) are served as the related set filtered by its foreign key (<c>Indicators?$filter=ContractId eq 1</c>):
/// the related set's own authorization, scopes and exemption filter apply, exactly as when it is read directly. The
/// path is rewritten before routing, so nothing else needs to know. Single-valued paths (a related record, a property,
/// its raw value) are read through the record itself (<see cref="SingleValuedPaths"/>).
/// </summary>
public static partial class NavigationPaths
{
    [GeneratedRegex(@"^/odata/(?<set>[A-Za-z]+)\((?<key>\d{1,10})\)/(?<part>[A-Za-z]+)(?<suffix>/\$count|/\$value)?$")]
    private static partial Regex Path();

    public static IApplicationBuilder UseNavigationPaths(this IApplicationBuilder app)
    {
        var model = app.ApplicationServices.GetRequiredService<IEdmModel>();
        return app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || Path().Match(context.Request.Path.Value ?? "") is not { Success: true } match)
            {
                await next(context);
                return;
            }

            var (setName, key, part, suffix) = (match.Groups["set"].Value, match.Groups["key"].Value, match.Groups["part"].Value, match.Groups["suffix"].Value);
            if (suffix != "/$value" && Target(model, context, setName, part) is { } target)
            {
                var query = QueryHelpers(context.Request.Query);
                var byKey = $"{target.ForeignKey} eq {key}";
                // With $apply the key comes first in the pipeline (a $filter beside it would be applied after the aggregation).
                if (query.TryGetValue("$apply", out var apply))
                    query["$apply"] = $"filter({byKey})/{apply}";
                else
                    query["$filter"] = query.TryGetValue("$filter", out var filter) ? $"({byKey}) and ({filter})" : byKey;
                context.Request.Path = $"/{ODataRegistration.RoutePrefix}/{target.Set}{suffix}";
                var builder = new QueryBuilder();
                foreach (var (name, value) in query)
                    builder.Add(name, value);
                context.Request.QueryString = builder.ToQueryString();
            }
            else if (suffix != "/$count" && SingleValuedPaths.PartOf(model, setName, key, part, raw: suffix == "/$value") is { } single)
            {
                await SingleValuedPaths.AnswerAsync(context, next, setName, key, single);
                return;
            }

            await next(context);
        });
    }

    private static Dictionary<string, string> QueryHelpers(IQueryCollection query) => query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    /// <summary>The related set and the foreign key that points back, for a collection navigation of a set; null otherwise.</summary>
    private static (string Set, string ForeignKey)? Target(IEdmModel model, HttpContext context, string setName, string navigationName)
    {
        if (model.EntityContainer.FindEntitySet(setName) is not { } set
            || set.EntityType.FindProperty(navigationName) is not IEdmNavigationProperty { Type.Definition.TypeKind: EdmTypeKind.Collection } navigation
            || set.FindNavigationTarget(navigation) is not IEdmEntitySet target)
            return null;
        var db = context.RequestServices.GetRequiredService<GovernanceDbContext>();
        var source = db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == set.EntityType.Name);
        return source?.FindNavigation(navigationName) is { IsCollection: true, ForeignKey.Properties: [var foreignKey] }
            ? (target.Name, foreignKey.Name)
            : null;
    }
}
