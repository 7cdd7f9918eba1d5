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
        foreach (var (type, parents) in DerivedLogs)
            builder.Entity(type).HasQueryFilter(Name, Filter(type, context, null, parents));
    }

    /// <summary>
    /// What is derived from an exempt record is exempt with it: the parents whose marking hides a row as well as its own
    /// (a KPI's returns with the KPI, a contract's KPIs, returns, escalations and options with the contract).
    /// </summary>
    private static readonly Dictionary<Type, (string Parent, LambdaExpression Key)[]> Parents = new()
    {
        [typeof(Domain.Contracts.Indicator)] = [Key<Domain.Contracts.Indicator>("Contract", i => i.ContractId), Key<Domain.Contracts.Indicator>("InternalSla", i => i.InternalSlaId)],
        [typeof(Domain.Contracts.Measurement)] = [Key<Domain.Contracts.Measurement>("Indicator", m => m.IndicatorId), Key<Domain.Contracts.Measurement>("Contract", m => m.Indicator!.ContractId)],
        [typeof(Domain.Contracts.ContractOption)] = [Key<Domain.Contracts.ContractOption>("Contract", o => o.ContractId)],
        [typeof(Domain.Escalations.Escalation)] = [Key<Domain.Escalations.Escalation>("Contract", e => e.ContractId), Key<Domain.Escalations.Escalation>("InternalSla", e => e.InternalSlaId)],
        [typeof(Domain.Escalations.RemediationPlan)] = [Key<Domain.Escalations.RemediationPlan>("Escalation", p => p.EscalationId)],
        [typeof(Domain.Performance.PerformanceNotice)] = [Key<Domain.Performance.PerformanceNotice>("Contract", n => n.ContractId), Key<Domain.Performance.PerformanceNotice>("Escalation", n => n.EscalationId)],
    };

    /// <summary>Append-only logs are never marked themselves; they are hidden with the record they are about.</summary>
    private static readonly Dictionary<Type, (string Parent, LambdaExpression Key)[]> DerivedLogs = new()
    {
        [typeof(Domain.Performance.SlipObservation)] =
        [
            Key<Domain.Performance.SlipObservation>("Indicator", o => o.IndicatorId), Key<Domain.Performance.SlipObservation>("Escalation", o => o.EscalationId),
            Key<Domain.Performance.SlipObservation>("Contract", o => o.Indicator!.ContractId), Key<Domain.Performance.SlipObservation>("InternalSla", o => o.Indicator!.InternalSlaId),
        ],
        [typeof(Domain.Contracts.IndicatorVersion)] =
            [Key<Domain.Contracts.IndicatorVersion>("Indicator", v => v.IndicatorId), Key<Domain.Contracts.IndicatorVersion>("Contract", v => v.Indicator!.ContractId)],
        [typeof(Domain.Performance.PerformanceAssessment)] = [Key<Domain.Performance.PerformanceAssessment>("Contract", a => a.ContractId)],
    };

    private static (string, LambdaExpression) Key<T>(string parent, Expression<Func<T, int?>> key) => (parent, key);

    private static (string, LambdaExpression) Key<T>(string parent, Expression<Func<T, int>> key) => (parent, key);

    private static bool IsExemptable(Type type) => typeof(Entity).IsAssignableFrom(type) && !NotExemptable.Contains(type);

    private static Expression<Func<T, bool>> For<T>(GovernanceDbContext context)
        where T : Entity =>
        (Expression<Func<T, bool>>)Filter(typeof(T), context, typeof(T).Name, Parents.GetValueOrDefault(typeof(T)) ?? []);

    /// <summary>
    /// Restricted readers see a row unless a marking they may not see covers it: on the row itself (own type name) or on
    /// one of its parents. A committee member sees what is marked for the committee only during the member's term.
    /// </summary>
    private static LambdaExpression Filter(Type type, GovernanceDbContext context, string? ownName, (string Parent, LambdaExpression Key)[] parents)
    {
        Expression<Func<GovernanceDbContext, ExemptionMarking, bool>> hidden = (ctx, m) => ctx.ExemptNeverSees
            || !ctx.Members.Any(x => x.CommitteeId == m.CommitteeId && x.Email == ctx.ExemptViewer && x.Role != MemberRole.UnionRepresentative
                && x.TermStart <= ctx.ExemptToday && (x.TermEnd == null || x.TermEnd >= ctx.ExemptToday));
        var row = Expression.Parameter(type, "e");
        var marking = hidden.Parameters[1];
        var keys = new List<(string Type, Expression Key)>();
        if (ownName is not null)
            keys.Add((ownName, Expression.Property(row, nameof(Entity.Id))));
        foreach (var (parent, key) in parents)
            keys.Add((parent, new Substitute(key.Parameters[0], row).Visit(key.Body)));

        // EF swaps a constant of the context type for the context running each query: the filter then reads that
        // request's viewer, not the one the model was built with.
        var ctx = Expression.Constant(context);
        var markings = Expression.Property(ctx, nameof(GovernanceDbContext.ExemptionMarkings));
        // Per covering record, "key NOT IN (the keys of that type's markings this reader may not see)": the set does not
        // depend on the row, so the database builds it once per query instead of probing the markings for every row.
        var none = keys
            .Select(k =>
            {
                var ofType = Expression.Lambda<Func<ExemptionMarking, bool>>(Expression.AndAlso(
                    Expression.Equal(Expression.Property(marking, nameof(ExemptionMarking.EntityType)), Expression.Constant(k.Type)), hidden.Body), marking);
                var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(ExemptionMarking)], markings, Expression.Quote(ofType));
                var entityKey = Expression.Lambda<Func<ExemptionMarking, int?>>(
                    Expression.Convert(Expression.Property(marking, nameof(ExemptionMarking.EntityKey)), typeof(int?)), marking);
                var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(ExemptionMarking), typeof(int?)], where, Expression.Quote(entityKey));
                return (Expression)Expression.Not(Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int?)], select, Expression.Convert(k.Key, typeof(int?))));
            })
            .Aggregate((left, right) => Expression.AndAlso(left, right));
        var body = Expression.OrElse(Expression.Not(Expression.Property(ctx, nameof(GovernanceDbContext.ExemptRestricted))), none);
        return Expression.Lambda(new Substitute(hidden.Parameters[0], ctx).Visit(body), row);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
