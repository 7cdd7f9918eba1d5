using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Tendering;

/// <summary>
/// A supplier taking part in one procurement. Pre-award, who is bidding is commercially confidential:
/// readable by the procurement team and by the supplier itself only, and no public entity navigates here.
/// </summary>
public class Bidder : Entity
{
    public int ProcurementId { get; set; }

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    public DateOnly RequestedToParticipateOn { get; set; }

    [ServerManaged]
    public BidderStatus Status { get; set; }
}
