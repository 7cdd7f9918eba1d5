using Governance.Api.Auth;
using Governance.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Api.Portal.Pages;

/// <summary>
/// Sign-in with the account's e-mail and password into the account cookie, by the same sign-in as POST /auth/login
/// (lockout, the same answer for every failure, the per-address throttle). Anti-forgery is checked on the post.
/// </summary>
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class SignInModel(SignInManager<GovernanceUser> signIn, ILoggerFactory loggers, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await AuthEndpoints.PasswordSignInAsync(signIn, Email?.Trim() ?? "", Password ?? "", persistent: false, loggers, time);
        if (!result.Succeeded)
        {
            Failed = true;
            Password = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Only a path on this site: never an address elsewhere (an open redirect would lend the council's name to phishing).
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
