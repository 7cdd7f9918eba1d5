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

    /// <summary>A seat counts from the first to the last day of its term, and not once it is archived.</summary>
    public bool SitsOn(DateOnly day) => ArchivedAt is null && TermStart <= day && (TermEnd is null || TermEnd >= day);

    /// <summary>
    /// Whether any of a person's seats makes them the chair of an overview and scrutiny committee on the day: the
    /// councillor a workflow's sign-off gate is addressed to (closing a dialogue, for example).
    /// </summary>
    public static bool ChairsScrutinyOn(IEnumerable<Member> seats, DateOnly day) =>
        seats.Any(s => s.Role == MemberRole.Chair && s.Committee?.Kind == CommitteeKind.OverviewAndScrutiny && s.SitsOn(day));
}
