using Microsoft.AspNetCore.Identity;

namespace Governance.Api.Data;

/// <summary>A local account. A supplier's account is tied to that supplier and sees only its rows.</summary>
public class GovernanceUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int? SupplierId { get; set; }
}
