using System.Linq.Expressions;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data;

/// <summary>
/// Hides records marked exempt (Schedule 12A) from restricted readers in every query EF runs, so $filter, $expand,
/// $orderby, $apply, $count and $batch all see the same rows: a query filter on each exemptable entity type.
/// Committees, members and the markings themselves are not exemptable (the filter reads them).
/// </summary>
internal static class ExemptionFilter
{
    public const string Name = "Exempt";

    private static readonly HashSet<Type> NotExemptable = [typeof(ExemptionMarking), typeof(Member), typeof(Committee)];

    public static IReadOnlySet<string> ExemptableTypes(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        model.GetEntityTypes().Select(t => t.ClrType).Where(IsExemptable).Select(t => t.Name).ToHashSet();

    public static void Apply(ModelBuilder builder, GovernanceDbContext context)
    {
        var method = typeof(ExemptionFilter).GetMethod(nameof(For), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var type in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && IsExemptable(t.ClrType)).ToList())
            builder.Entity(type.ClrType).HasQueryFilter(Name, (LambdaExpression)method.MakeGenericMethod(type.ClrType).Invoke(null, [context])!);
    }

    private static bool IsExemptable(Type type) => typeof(Entity).IsAssignableFrom(type) && !NotExemptable.Contains(type);

    private static Expression<Func<T, bool>> For<T>(GovernanceDbContext context)
        where T : Entity
    {
        var name = typeof(T).Name;
        Expression<Func<GovernanceDbContext, T, bool>> template = (ctx, e) => !ctx.ExemptRestricted
            || !ctx.ExemptionMarkings.Any(m => m.EntityType == name && m.EntityKey == e.Id
                && (ctx.ExemptNeverSees || !ctx.Members.Any(x => x.CommitteeId == m.CommitteeId && x.Email == ctx.ExemptViewer && x.Role != MemberRole.UnionRepresentative)));
        // EF swaps a constant of the context type for the context running each query: the filter then reads that
        // request's viewer, not the one the model was built with.
        var body = new Substitute(template.Parameters[0], Expression.Constant(context)).Visit(template.Body);
        return Expression.Lambda<Func<T, bool>>(body, template.Parameters[1]);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
