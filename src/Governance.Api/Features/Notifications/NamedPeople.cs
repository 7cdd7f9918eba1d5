using Governance.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notifications;

/// <summary>
/// Finds the account of a person a record names in free text ("Mark Osei", "Sophie Ellis, Assistant Director of
/// Business Improvement") so that a notification goes to that person, not to everyone with the role. The account must
/// be enabled, hold the role the notification is for, and be the only one whose display name (up to a comma or a
/// bracket) or e-mail is the name; otherwise nobody is guessed at and the role's holders receive it.
/// </summary>
public sealed class NamedPeople(GovernanceDbContext db)
{
    // The holders of each role, read once per scope: a timer sweep names a person for every fire.
    private readonly Dictionary<string, List<(string Email, string Name)>> holders = new(StringComparer.Ordinal);

    /// <summary>"Mark Osei (contract manager, shared services)" and "Mark Osei, contract manager" both name "mark osei".</summary>
    public static string NameOf(string text)
    {
        var end = text.IndexOfAny(['(', ',']);
        return (end < 0 ? text : text[..end]).Trim().ToUpperInvariant();
    }

    public async Task<string?> EmailOfAsync(string? named, string role, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(named))
            return null;
        var name = NameOf(named);
        if (!holders.TryGetValue(role, out var withRole))
        {
            holders[role] = withRole = (await db.Users.AsNoTracking()
                .Where(u => u.DisabledAt == null && u.Email != null
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
                .Select(u => new { u.Email, u.DisplayName })
                .ToListAsync(ct)).Select(u => (u.Email!, NameOf(u.DisplayName))).ToList();
        }

        var matches = withRole.Where(h => h.Name == name || string.Equals(h.Email, named.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0].Email : null;
    }
}
