using Governance.Domain.Common;

namespace Governance.Domain.Access;

/// <summary>
/// A long-lived credential an account holder creates for a tool that cannot sign in (Excel, Power BI, a script). It acts
/// with its holder's roles as they are at each use, never more, until it expires or is revoked. Only a hash of its
/// secret is kept: the secret is shown once, when it is issued.
/// </summary>
public class PersonalAccessToken : Entity
{
    public const int MaxLifetimeDays = 366;
    public const int MaxNameLength = 100;

    /// <summary>The account the token acts for.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>What the holder called it ("Power BI performance dashboard").</summary>
    public string Name { get; private set; } = "";

    /// <summary>SHA-256 of the secret, hex: what a presented token is looked up by.</summary>
    public string SecretHash { get; private set; } = "";

    /// <summary>The secret's first characters, so the holder can tell tokens apart.</summary>
    public string Prefix { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    /// <summary>Issues a token for <paramref name="userId"/>, valid for <paramref name="lifetimeDays"/> days from <paramref name="now"/>.</summary>
    public static PersonalAccessToken Issue(string userId, string name, string secretHash, string prefix, DateTimeOffset now, int lifetimeDays)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
            throw new BusinessRuleException("token-name", $"Name the token (1 to {MaxNameLength} characters), e.g. after the tool that will use it.", isInvalidInput: true);
        if (lifetimeDays is < 1 or > MaxLifetimeDays)
            throw new BusinessRuleException("token-lifetime", $"A token lasts 1 to {MaxLifetimeDays} days; {lifetimeDays} was asked for.", isInvalidInput: true);
        return new PersonalAccessToken
        {
            UserId = userId, Name = name.Trim(), SecretHash = secretHash, Prefix = prefix, CreatedAt = now, ExpiresAt = now.AddDays(lifetimeDays),
        };
    }

    /// <summary>Whether the token may be used at <paramref name="now"/>.</summary>
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>Ends the token for good. A token is revoked once: revoking it again is refused, so the record says who ended it.</summary>
    public void Revoke(string by, DateTimeOffset now)
    {
        if (RevokedAt is not null)
            throw new BusinessRuleException("token-revoked", $"The token \"{Name}\" was already revoked on {RevokedAt:yyyy-MM-dd HH:mm} UTC by {RevokedBy}.");
        RevokedAt = now;
        RevokedBy = by;
    }
}
