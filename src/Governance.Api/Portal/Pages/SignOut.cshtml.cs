using Governance.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Portal.Pages;

/// <summary>Signing out is a post (with its anti-forgery token), so that no link or image elsewhere can sign a person out.</summary>
public sealed class SignOutModel(SignInManager<GovernanceUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Page();
    }
}
