using System.Globalization;
using System.Security.Claims;
using Governance.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Governance.Api.Auth;

/// <summary>Adds the linked supplier to a local account's claims.</summary>
internal sealed class GovernanceClaimsFactory(
    UserManager<GovernanceUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<GovernanceUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(GovernanceUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.SupplierId is { } supplierId)
            identity.AddClaim(new Claim(GovernanceClaims.SupplierId, supplierId.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
