using System.Linq.Expressions;
using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;
using Microsoft.AspNetCore.Mvc;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Tendering;

/// <summary>
/// Who may see and change a procurement's records: its team (by sign-in name), and for bidder records also the
/// bidder's own supplier. Everyone else sees none of the rows, whatever their role.
/// </summary>
public sealed class ProcurementTeam(GovernanceDbContext db)
{
    /// <summary>Confidential rows: the team's procurements only; a supplier's own bids only.</summary>
    public IQueryable<T> Confidential<T>(IQueryable<T> rows, ClaimsPrincipal user)
        where T : class, IProcurementRecord
    {
        if (user.SupplierScope() is { } supplierId)
            return typeof(IBidderRecord).IsAssignableFrom(typeof(T)) ? rows.Where(OwnBids<T>(supplierId)) : rows.Where(_ => false);
        var name = user.Identity?.Name ?? "";
        return rows.Where(r => db.ProcurementTeamMembers.Any(m => m.ProcurementId == r.ProcurementId && m.UserName == name));
    }

    public Task<bool> IsMemberAsync(int procurementId, ClaimsPrincipal user, CancellationToken ct, TeamRole? role = null)
    {
        var name = user.Identity?.Name ?? "";
        return db.ProcurementTeamMembers.AnyAsync(m => m.ProcurementId == procurementId && m.UserName == name && (role == null || m.Role == role), ct);
    }

    /// <summary>
    /// The one object-level check of every write to a procurement or its records (PATCH, archival, bound actions,
    /// workflow triggers): the user is on its team (in the given role, or as its lead), and the procurement is not
    /// closed. A team-only read (the ranking) asks the same with <paramref name="readOnly"/>. Returns the refusal, or null when the change may go ahead.
    /// </summary>
    public async Task<ObjectResult?> RefuseChangeAsync(int procurementId, ClaimsPrincipal user, CancellationToken ct, TeamRole? role = null, bool readOnly = false)
    {
        var procurement = await db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == procurementId, ct);
        if (procurement is null)
            return ODataErrors.BadRequest("UnknownReference", $"ProcurementId {procurementId} does not refer to an existing Procurement.");
        var allowed = await IsMemberAsync(procurementId, user, ct, TeamRole.Lead) || (role != TeamRole.Lead && await IsMemberAsync(procurementId, user, ct, role));
        if (!allowed)
        {
            return ODataErrors.Error(StatusCodes.Status403Forbidden, "procurement-team",
                role is null ? $"Only the team of procurement {procurementId} may change it or its records." : $"Only the {role} of procurement {procurementId}'s team may do this.");
        }

        if (!readOnly)
            procurement.CheckOpenForChange();
        return null;
    }

    /// <summary>The bidder of this procurement that the signed-in supplier acts for, if any.</summary>
    public Task<Bidder?> OwnBidderAsync(int procurementId, ClaimsPrincipal user, CancellationToken ct)
    {
        var supplierId = user.SupplierScope();
        return supplierId is null
            ? Task.FromResult<Bidder?>(null)
            : db.Bidders.FirstOrDefaultAsync(b => b.ProcurementId == procurementId && b.SupplierId == supplierId, ct);
    }

    /// <summary>r => the bidder of r belongs to the supplier (built by hand: T is only known to carry BidderId).</summary>
    private Expression<Func<T, bool>> OwnBids<T>(int supplierId)
    {
        var row = Expression.Parameter(typeof(T), "r");
        var bidderId = Expression.Property(row, nameof(IBidderRecord.BidderId));
        var bidder = Expression.Parameter(typeof(Bidder), "b");
        var match = Expression.Lambda<Func<Bidder, bool>>(
            Expression.AndAlso(
                Expression.Equal(Expression.Property(bidder, nameof(Bidder.Id)), bidderId),
                Expression.Equal(Expression.Property(bidder, nameof(Bidder.SupplierId)), Expression.Constant(supplierId))),
            bidder);
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(Bidder)], db.Bidders.AsQueryable().Expression, Expression.Quote(match));
        return Expression.Lambda<Func<T, bool>>(any, row);
    }
}
