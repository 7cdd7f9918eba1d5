using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering;

public enum TeamRole
{
    Lead,
    Evaluator,
    Adviser,
}

/// <summary>A person on a procurement's team: only the team reads that procurement's bids, prices, scores and minutes.</summary>
public class ProcurementTeamMember : Entity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    /// <summary>The member's sign-in name (e-mail).</summary>
    [Required, MaxLength(256)]
    public string UserName { get; set; } = "";

    public TeamRole Role { get; set; }
}
