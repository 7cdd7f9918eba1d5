using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages;

/// <summary>
/// A signed-in person's notifications, newest first: the ones the API gives them (NotificationReaders), read through
/// the exemption filter on what each is about, as GET /odata/Notifications does.
/// </summary>
public sealed class NotificationsModel(GovernanceDbContext db) : PageModel
{
    private const int Shown = 50;

    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await NotificationReaders.AddressedTo(db.Notifications.AsNoTracking(), User).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Shown).ToListAsync(ct);
}
