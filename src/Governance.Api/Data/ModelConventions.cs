using System.Linq.Expressions;
using Governance.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data;

/// <summary>Rules applied to every entity rather than repeated in each configuration.</summary>
internal static class ModelConventions
{
    public const string ArchivedFilter = "Archived";

    public static void Apply(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            var clr = entityType.ClrType;
            if (typeof(Entity).IsAssignableFrom(clr))
                builder.Entity(clr).Property(nameof(Entity.Revision)).IsConcurrencyToken();

            // Archived rows drop out of every normal query; IgnoreQueryFilters() reaches them.
            if (typeof(IArchivable).IsAssignableFrom(clr) && entityType.BaseType is null)
            {
                var parameter = Expression.Parameter(clr, "e");
                var archivedAt = Expression.Property(parameter, nameof(IArchivable.ArchivedAt));
                var filter = Expression.Lambda(Expression.Equal(archivedAt, Expression.Constant(null, typeof(DateTime?))), parameter);
                builder.Entity(clr).HasQueryFilter(ArchivedFilter, filter);
            }
        }
    }
}
