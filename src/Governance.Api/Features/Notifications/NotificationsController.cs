using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.OData;

namespace Governance.Api.Features.Notifications;

/// <summary>Each user reads the notifications sent to them by name or to one of their roles, and no others.</summary>
public sealed class NotificationsController(GovernanceDbContext db) : LogEntitySetController<Notification>(db)
{
    protected override IQueryable<Notification> Scope(IQueryable<Notification> rows)
    {
        var name = User.Identity?.Name ?? "";
        var roles = Roles.All.Where(User.IsInRole).ToList();
        return rows.Where(n => n.RecipientUser == name || (n.RecipientRole != null && roles.Contains(n.RecipientRole)));
    }
}
