using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering.Bids;

/// <summary>A reg 86 award decision letter to one bidder, as generated when the notices were sent.</summary>
public class AwardLetter : Entity, IBidderRecord
{
    public int ProcurementId { get; set; }

    public int BidderId { get; set; }

    public bool Successful { get; set; }

    [MaxLength(300)]
    public string WinnerName { get; set; } = "";

    public decimal BidderScore { get; set; }

    public decimal WinnerScore { get; set; }

    /// <summary>
    /// Standstill ends at this instant (UTC), as the procedure's clock computed it. An assessment summary (PA 2023
    /// s.50) goes out before the contract award notice starts standstill: it is filled in when the notice is published.
    /// </summary>
    public DateTime? StandstillEndsAt { get; set; }

    /// <summary>1 for the first award decision; a decision re-made after a challenge writes its letters as the next round.</summary>
    [ServerManaged]
    public int Round { get; set; } = 1;

    /// <summary>Set when the award decision was re-made: the letter stays on the record, no longer in force.</summary>
    [ServerManaged]
    public DateTime? SupersededAt { get; set; }

    [MaxLength(100_000)]
    public string Content { get; set; } = "";

    public DateTime GeneratedAt { get; set; }

    /// <summary>The award decision was re-made: this letter stays on the record, no longer in force.</summary>
    public void Supersede(DateTime nowUtc) => SupersededAt ??= nowUtc;
}
