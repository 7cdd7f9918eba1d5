using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;

namespace Governance.Api.Features.Notifications;

/// <summary>Each user reads the notifications sent to them by name or to one of their roles, and no others.</summary>
public sealed class NotificationsController(GovernanceDbContext db) : LogEntitySetController<Notification>(db)
{
    protected override IQueryable<Notification> Scope(IQueryable<Notification> rows) => NotificationReaders.AddressedTo(rows, User);
}

/// <summary>Whose notifications a person reads, for the API and the portal alike.</summary>
public static class NotificationReaders
{
    public static IQueryable<Notification> AddressedTo(IQueryable<Notification> rows, System.Security.Claims.ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "";
        var roles = Roles.All.Where(user.IsInRole).ToList();
        return rows.Where(n => n.RecipientUser == name || (n.RecipientRole != null && roles.Contains(n.RecipientRole)));
    }
}
