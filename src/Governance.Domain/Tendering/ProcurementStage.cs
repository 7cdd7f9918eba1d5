namespace Governance.Domain.Tendering;

/// <summary>The stages a council procurement passes through, in order (DOMAIN.md).</summary>
public enum ProcurementStage
{
    Planning,
    SelectionQuestionnaire,
    OutlineSolutions,
    DetailedSolutions,
    FinalTenders,
    PreferredBidder,
    AwardDecision,
    Standstill,

    /// <summary>Standstill interrupted by a challenge: the contract must not be entered.</summary>
    Suspended,
    Awarded,
    ContractSigned,
    Cancelled,
}
