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
    Awarded,
    ContractSigned,
    Cancelled,
}
