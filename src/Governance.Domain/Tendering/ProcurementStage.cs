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

    /// <summary>Procurement Act 2023 s.50: assessment summaries sent to every supplier assessed, before the contract award notice.</summary>
    AssessmentSummaries,
    Standstill,

    /// <summary>Standstill interrupted by a challenge: the contract must not be entered.</summary>
    Suspended,
    Awarded,
    ContractSigned,
    Cancelled,
}
