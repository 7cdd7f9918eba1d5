namespace Governance.Domain.Tendering;

public enum ProcurementProcedure
{
    /// <summary>Competitive dialogue, Public Contracts Regulations 2015 reg 30.</summary>
    CompetitiveDialogue,

    /// <summary>Competitive flexible procedure, Procurement Act 2023 s.20(2)(b).</summary>
    CompetitiveFlexible,

    Open,
}
