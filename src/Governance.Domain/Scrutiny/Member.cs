using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Scrutiny;

public enum MemberRole
{
    Chair,
    ViceChair,
    Member,
    CoOpted,
    UnionRepresentative,
    Officer,
}

/// <summary>A person's seat on a committee for a term.</summary>
public class Member : ArchivableEntity
{
    public int CommitteeId { get; set; }

    public Committee? Committee { get; set; }

    [Required, MaxLength(200)]
    public string Name { get; set; } = "";

    public MemberRole Role { get; set; }

    /// <summary>The account of this member, where they sign in to Governance.</summary>
    [MaxLength(256)]
    public string? Email { get; set; }

    public DateOnly TermStart { get; set; }

    public DateOnly? TermEnd { get; set; }
}
