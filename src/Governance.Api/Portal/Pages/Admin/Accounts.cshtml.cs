using System.Security.Cryptography;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Admin;

/// <summary>
/// Accounts for administrators: every account with its roles and state, found by name or e-mail; a new account is
/// created (AccountService, as the host's `users add`) with a random password nobody sees, and its holder gets a
/// one-time code from the administrator to set their own.
/// </summary>
public sealed class AccountsModel(GovernanceDbContext db, UserManager<GovernanceUser> users, AccountService accounts, TimeProvider time) : AdminPageModel
{
    public sealed record Row(string Id, string Email, string Name, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut);

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Suppliers { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public int? Supplier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CsvFile.Refuse(Format) is { } refused)
            return refused;
        await LoadAsync(ct);
        return Format != CsvFile.Format ? Page() : CsvFile.Of("accounts.csv", ["E-mail", "Name", "Roles", "State"],
            Accounts.Select(a => (IReadOnlyList<string>)[a.Email, a.Name, string.Join("; ", a.Roles), a.Disabled ? "Disabled" : a.LockedOut ? "Locked out" : "Active"]));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal))
            Errors["email"] = "Enter the person's e-mail address, like name@council.gov.uk";
        if (string.IsNullOrWhiteSpace(Name))
            Errors["name"] = "Enter the person's name";
        if (Role is null || !Roles.All.Contains(Role))
            Errors["role"] = "Choose a role";
        if (Errors.Count == 0)
        {
            try
            {
                // A password nobody knows: the holder sets their own with the one-time code shown next.
                var user = await accounts.CreateAsync(new NewAccount(Email!.Trim(), Name!.Trim(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)) + "a1!", [Role!], Role == Roles.Supplier ? Supplier : null), ct);
                return Redirect($"/admin/accounts/{user.Id}?created=true");
            }
            catch (BusinessRuleException refused)
            {
                Errors[refused.Rule.Contains("supplier", StringComparison.Ordinal) ? "supplier" : "email"] = refused.Message;
            }
        }
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var found = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
            found = found.Where(u => u.Email!.Contains(Search) || u.DisplayName.Contains(Search));
        var list = await found.OrderBy(u => u.Email).Take(200).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.Where(r => ids.Contains(r.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        var now = time.GetUtcNow();
        Accounts = list.Select(u => new Row(u.Id, u.Email ?? "", u.DisplayName, [.. roles[u.Id].Order()], u.DisabledAt is not null, u.DisabledAt is null && u.LockoutEnd > now)).ToList();
        Suppliers = (await db.Suppliers.AsNoTracking().Where(s => s.ArchivedAt == null).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToList();
    }
}
