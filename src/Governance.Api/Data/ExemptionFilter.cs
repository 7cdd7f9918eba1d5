using System.Linq.Expressions;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Governance.Api.Data;

/// <summary>
/// Hides records marked exempt (Schedule 12A), and everything derived from them, from restricted readers in every
/// query EF runs, so $filter, $expand, $orderby, $apply, $count, $batch and every computation that reads through EF
/// see the same rows. What is derived is read from the model (<see cref="ExemptionScope"/>): a row is hidden with
/// each record it belongs to (its foreign keys) and with the subject it is about (workflow instances, sign-offs,
/// notifications, generated reports).
/// </summary>
internal static class ExemptionFilter
{
    public const string Name = "Exempt";

    public static IReadOnlySet<string> ExemptableTypes(IModel model) =>
        model.GetEntityTypes().Select(t => t.ClrType).Where(ExemptionScope.IsExemptable).Select(t => t.Name).ToHashSet();

    public static void Apply(ModelBuilder builder, GovernanceDbContext context)
    {
        var scope = new ExemptionScope(builder.Model);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()).ToList())
        {
            if (new FilterBuilder(scope, context, type).Build() is { } filter)
                builder.Entity(type.ClrType).HasQueryFilter(Name, filter);
        }
    }

    private sealed class FilterBuilder(ExemptionScope scope, GovernanceDbContext context, IReadOnlyEntityType type)
    {
        // EF swaps a constant of the context type for the context running each query: the filter then reads that
        // request's viewer, not the one the model was built with.
        private readonly ConstantExpression ctx = Expression.Constant(context);
        private readonly ParameterExpression row = Expression.Parameter(type.ClrType, "e");

        public LambdaExpression? Build()
        {
            var conditions = new List<Expression>();
            if (ExemptionScope.IsExemptable(type.ClrType))
                conditions.Add(NotMarked(type.ClrType.Name, Expression.Property(row, nameof(Entity.Id))));
            foreach (var owner in scope.Owners(type))
                conditions.Add(OwnerVisible(owner, row));
            if (ExemptionScope.SubjectOf(type) is { } subject)
                conditions.Add(SubjectVisible(subject));
            if (conditions.Count == 0)
                return null;
            var body = Expression.OrElse(Expression.Not(Expression.Property(ctx, nameof(GovernanceDbContext.ExemptRestricted))), conditions.Aggregate(Expression.AndAlso));
            return Expression.Lambda(body, row);
        }

        /// <summary>
        /// An owner is visible unless marked: its key is NOT IN that type's hidden markings, a set the database builds
        /// once per query. Its own owners are asked the same way through the navigation to it (a return's KPI's
        /// contract is <c>e.Indicator.ContractId</c>), one join. An owner reached by no navigation, or about a
        /// subject, is visible when its key is IN the owner's visible keys, which applies its whole filter.
        /// </summary>
        private Expression OwnerVisible(IReadOnlyForeignKey owner, Expression from)
        {
            var key = Expression.Convert(Expression.Property(from, owner.Properties[0].Name), typeof(int?));
            var principal = owner.PrincipalEntityType;
            Expression visible;
            if (scope.IsRoot(principal))
                visible = NotMarked(principal.ClrType.Name, key);
            else if (owner.DependentToPrincipal is { } navigation && Flattens(principal))
            {
                var through = Expression.Property(from, navigation.Name);
                visible = scope.Owners(principal).Select(o => OwnerVisible(o, through)).Aggregate((Expression)NotMarked(principal.ClrType.Name, key), Expression.AndAlso);
            }
            else
                visible = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int?)], VisibleKeys(principal.ClrType), key);
            return owner.Properties[0].IsNullable ? Expression.OrElse(Expression.Equal(key, Expression.Constant(null, typeof(int?))), visible) : visible;
        }

        /// <summary>Whether every owner above this type can be reached through navigations (and none is about a subject).</summary>
        private bool Flattens(IReadOnlyEntityType type) => ExemptionScope.SubjectOf(type) is null
            && scope.Owners(type).All(o => scope.IsRoot(o.PrincipalEntityType) || (o.DependentToPrincipal is not null && Flattens(o.PrincipalEntityType)));

        /// <summary>
        /// A row about a subject is visible when its subject is: not marked itself, of a type the scope knows (deny
        /// by default), and for subjects that belong to other records, visible by their own filter.
        /// </summary>
        private Expression SubjectVisible(ExemptionScope.Subject subject)
        {
            var subjectType = Expression.Property(row, subject.TypeProperty);
            var subjectKey = Expression.Convert(Expression.Property(row, subject.KeyProperty), typeof(int?));
            var known = Expression.Call(Expression.Constant(scope.SubjectTypes.Keys.ToList()), typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, subjectType);
            var marking = Expression.Parameter(typeof(ExemptionMarking), "m");
            var markedSubject = Expression.Lambda<Func<ExemptionMarking, bool>>(Expression.AndAlso(
                Expression.AndAlso(
                    Expression.Equal(Expression.Property(marking, nameof(ExemptionMarking.EntityType)), subjectType),
                    Expression.Equal(Expression.Convert(Expression.Property(marking, nameof(ExemptionMarking.EntityKey)), typeof(int?)), subjectKey)),
                Hidden(marking)), marking);
            Expression visible = Expression.AndAlso(known,
                Expression.Not(Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(ExemptionMarking)], Markings, Expression.Quote(markedSubject))));
            foreach (var (name, clr) in scope.SubjectTypes.Where(s => !scope.IsRoot(scope.EntityType(s.Value))))
            {
                var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int?)], VisibleKeys(clr), subjectKey);
                visible = Expression.AndAlso(visible, Expression.OrElse(Expression.NotEqual(subjectType, Expression.Constant(name)), contains));
            }
            if (subject.Unless is { } unless)
                visible = Expression.OrElse(new Substitute(unless.Parameters[0], row).Visit(unless.Body), visible);
            if (subject.Optional)
                visible = Expression.OrElse(Expression.Equal(subjectType, Expression.Constant(null, typeof(string))), visible);
            return visible;
        }

        private MemberExpression Markings => Expression.Property(ctx, nameof(GovernanceDbContext.ExemptionMarkings));

        /// <summary>The keys of <paramref name="clr"/> rows the reader may see (that type's filter applies).</summary>
        private MethodCallExpression VisibleKeys(Type clr)
        {
            var set = Expression.Call(ctx, typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(clr));
            var p = Expression.Parameter(clr, "p");
            var id = Expression.Lambda(Expression.Convert(Expression.Property(p, nameof(Entity.Id)), typeof(int?)), p);
            return Expression.Call(typeof(Queryable), nameof(Queryable.Select), [clr, typeof(int?)], set, Expression.Quote(id));
        }

        /// <summary>"key NOT IN (the keys of that type's markings this reader may not see)".</summary>
        private UnaryExpression NotMarked(string typeName, Expression key)
        {
            var marking = Expression.Parameter(typeof(ExemptionMarking), "m");
            var ofType = Expression.Lambda<Func<ExemptionMarking, bool>>(Expression.AndAlso(
                Expression.Equal(Expression.Property(marking, nameof(ExemptionMarking.EntityType)), Expression.Constant(typeName)), Hidden(marking)), marking);
            var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(ExemptionMarking)], Markings, Expression.Quote(ofType));
            var entityKey = Expression.Lambda<Func<ExemptionMarking, int?>>(
                Expression.Convert(Expression.Property(marking, nameof(ExemptionMarking.EntityKey)), typeof(int?)), marking);
            var keys = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(ExemptionMarking), typeof(int?)], where, Expression.Quote(entityKey));
            return Expression.Not(Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int?)], keys, Expression.Convert(key, typeof(int?))));
        }

        /// <summary>
        /// A marking hides from this reader unless the reader is a member of its committee within the member's term
        /// (union representatives and suppliers never see exempt records).
        /// </summary>
        private Expression Hidden(ParameterExpression marking)
        {
            Expression<Func<GovernanceDbContext, ExemptionMarking, bool>> hidden = (c, m) => c.ExemptNeverSees
                || !c.Members.Any(x => x.CommitteeId == m.CommitteeId && x.Email == c.ExemptViewer && x.Role != MemberRole.UnionRepresentative
                    && x.TermStart <= c.ExemptToday && (x.TermEnd == null || x.TermEnd >= c.ExemptToday));
            return new Substitute(hidden.Parameters[1], marking).Visit(new Substitute(hidden.Parameters[0], ctx).Visit(hidden.Body));
        }
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
