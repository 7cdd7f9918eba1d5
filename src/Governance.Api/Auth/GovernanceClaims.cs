using System.Globalization;
using System.Security.Claims;

namespace Governance.Api.Auth;

public static class GovernanceClaims
{
    /// <summary>The supplier a Supplier account acts for.</summary>
    public const string SupplierId = "governance:supplier_id";

    /// <summary>How the request signed in, when not with the account's password (a personal access token).</summary>
    public const string CredentialKind = "governance:credential";

    /// <summary>Whether the request signed in with a personal access token (which may not create or list tokens).</summary>
    public static bool ByAccessToken(this ClaimsPrincipal user) => user.HasClaim(CredentialKind, PersonalAccessTokenHandler.SchemeName);

    /// <summary>
    /// The supplier whose rows alone this user may see, or null when the user is not limited to one supplier.
    /// A Supplier account without a linked supplier gets -1, which matches nothing.
    /// </summary>
    public static int? SupplierScope(this ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Supplier))
            return null;
        var value = user.FindFirstValue(SupplierId);
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1;
    }
}
