namespace Governance.Domain.Tendering;

/// <summary>Which procurement law governs a procurement.</summary>
public static class ProcurementLaw
{
    /// <summary>The Procurement Act 2023 applies to procurements started on or after this day; PCR 2015 to those started before.</summary>
    public static readonly DateOnly Pa2023Commences = new(2025, 2, 24);
}
