namespace Governance.Domain.Tendering;

/// <summary>A record that belongs to one procurement: its team decides who reads it when it is confidential.</summary>
public interface IProcurementRecord
{
    int ProcurementId { get; }
}

/// <summary>A record about one bidder of a procurement: that bidder's supplier may read its own.</summary>
public interface IBidderRecord : IProcurementRecord
{
    int BidderId { get; }
}
