namespace Governance.Domain.Tendering;

/// <summary>Which procurement law governs a procurement.</summary>
public static class ProcurementLaw
{
    /// <summary>The Procurement Act 2023 applies to procurements started on or after this day; PCR 2015 to those started before.</summary>
    public static readonly DateOnly Pa2023Commences = new(2025, 2, 24);

    /// <summary>
    /// Whether the Act governs a procurement started on that day, and so the contracts it lets; a contract entered
    /// without a procurement here is judged by the day it was entered.
    /// </summary>
    public static bool IsProcurementAct(DateOnly startedOn) => startedOn >= Pa2023Commences;
}
