using Governance.Api.Data;
using Microsoft.AspNetCore.Identity;

namespace Governance.Api.Auth;

/// <summary>
/// Passwords after NIST SP 800-63B: at least 12 characters, no composition rules, and none that is commonly used or
/// easily guessed: a list of well-known passwords and their obvious variants, one character repeated, a keyboard or
/// number run, the product's or council's name, or the account's own e-mail.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<GovernanceUser>
{
    private static readonly string[] Common =
    [
        "password", "passw0rd", "p@ssword", "p@ssw0rd", "qwerty", "qwertyuiop", "asdfghjkl", "zxcvbnm", "letmein", "welcome", "iloveyou", "admin",
        "administrator", "changeme", "trustno1", "football", "baseball", "monkey", "dragon", "sunshine", "princess", "master", "shadow", "superman",
        "starwars", "whatever", "abc123", "123456", "1234567890", "0987654321", "111111", "121212", "654321", "secret", "governance", "council",
        "procurement", "winter", "spring", "summer", "autumn", "january", "london",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<GovernanceUser> manager, GovernanceUser user, string? password)
    {
        var text = (password ?? "").Trim().ToLowerInvariant();
        var core = new string([.. text.Where(char.IsLetter)]);
        var local = (user.Email ?? "").Split('@')[0].ToLowerInvariant();
        var weak = text.Distinct().Count() <= 2
            || IsRun(text)
            || Common.Any(c => text == c || (core.Length > 0 && core.Replace(c, "", StringComparison.Ordinal).Length == 0) || (text.StartsWith(c, StringComparison.Ordinal) && text[c.Length..].All(ch => char.IsDigit(ch) || ch == '!')))
            || (local.Length >= 4 && text.Contains(local, StringComparison.Ordinal));
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is too common or too easy to guess: choose a longer phrase of your own." })
            : IdentityResult.Success);
    }

    /// <summary>Each character one after the previous (abcdefghijkl, 123456789012, 987654321098).</summary>
    private static bool IsRun(string text) =>
        text.Length > 1 && (Enumerable.Range(1, text.Length - 1).All(i => text[i] - text[i - 1] == 1 || (text[i] == '0' && text[i - 1] == '9'))
            || Enumerable.Range(1, text.Length - 1).All(i => text[i - 1] - text[i] == 1 || (text[i] == '9' && text[i - 1] == '0')));
}
