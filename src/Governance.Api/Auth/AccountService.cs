using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Auth;

public sealed record NewAccount(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, int? SupplierId);

/// <summary>Creates local accounts. There is no self-registration: only this service, called by an Administrator, adds them.</summary>
public sealed class AccountService(UserManager<GovernanceUser> users, GovernanceDbContext db)
{
    public async Task<GovernanceUser> CreateAsync(NewAccount account, CancellationToken ct = default)
    {
        // A JSON body may leave any of these out, whatever the record's types say.
        if (account.Roles is null || string.IsNullOrWhiteSpace(account.Email) || string.IsNullOrWhiteSpace(account.DisplayName) || string.IsNullOrEmpty(account.Password))
            throw new BusinessRuleException("account-fields", "Give Email, DisplayName, Password and Roles (one or more).", isInvalidInput: true);
        var unknown = account.Roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (account.Roles.Count == 0 || unknown.Count > 0)
            throw new BusinessRuleException("account-roles", $"Give one or more of the roles {string.Join(", ", Roles.All)}; unknown: {string.Join(", ", unknown)}.", isInvalidInput: true);
        var isSupplier = account.Roles.Contains(Roles.Supplier);
        if (isSupplier && (account.Roles.Count > 1 || account.SupplierId is null))
            throw new BusinessRuleException("supplier-account", "A Supplier account has the Supplier role only and names the supplier it acts for.", isInvalidInput: true);
        if (!isSupplier && account.SupplierId is not null)
            throw new BusinessRuleException("supplier-account", "Only a Supplier account can be linked to a supplier.", isInvalidInput: true);
        if (account.SupplierId is { } supplierId && !await db.Suppliers.AnyAsync(s => s.Id == supplierId, ct))
            throw new BusinessRuleException("supplier-account", $"Supplier {supplierId} does not exist.", isInvalidInput: true);

        var user = new GovernanceUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            SupplierId = account.SupplierId,
        };
        // One transaction, unless the caller (the seed loader) already holds one.
        await using var transaction = await db.Database.BeginUnlessInOneAsync(ct);
        Check(await users.CreateAsync(user, account.Password));
        Check(await users.AddToRolesAsync(user, account.Roles));
        await transaction.CommitIfOwnAsync(ct);
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new BusinessRuleException("account", string.Join(" ", result.Errors.Select(e => e.Description)), isInvalidInput: true);
    }
}
