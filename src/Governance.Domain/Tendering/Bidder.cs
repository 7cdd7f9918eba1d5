using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Tendering;

/// <summary>
/// A supplier taking part in one procurement. Pre-award, who is bidding is commercially confidential:
/// readable by the procurement team and by the supplier itself only, and no public entity navigates here.
/// </summary>
public class Bidder : Entity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    public DateOnly RequestedToParticipateOn { get; set; }

    [ServerManaged]
    public BidderStatus Status { get; set; }

    [ServerManaged]
    public decimal? SelectionScore { get; set; }

    [ServerManaged, MaxLength(4000)]
    public string? SelectionNotes { get; set; }

    /// <summary>Why the bidder left the procurement (eliminated at a stage, withdrew, or was not shortlisted).</summary>
    [ServerManaged, MaxLength(4000)]
    public string? ExitReason { get; set; }

    [ServerManaged]
    public ProcurementStage? ExitStage { get; set; }

    /// <summary>Still competing: shortlisted, in dialogue, or preferred.</summary>
    public static readonly BidderStatus[] Active = [BidderStatus.Shortlisted, BidderStatus.InDialogue, BidderStatus.PreferredBidder];
}
