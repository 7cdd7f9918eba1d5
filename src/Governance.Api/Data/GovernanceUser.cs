using Microsoft.AspNetCore.Identity;

namespace Governance.Api.Data;

/// <summary>A local account. A supplier's account is tied to that supplier and sees only its rows.</summary>
public class GovernanceUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int? SupplierId { get; set; }

    /// <summary>When an administrator disabled the account (a leaver, a councillor who lost their seat); null while enabled.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public string? DisabledBy { get; set; }

    public string? DisabledReason { get; set; }
}
