using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Contracts;

/// <summary>
/// A change to a contract's term or money after it was entered (an extension, a shortened term, a price change),
/// made by <see cref="Contract.Modify"/> and kept as it was made: what the contract said before and after, why, who
/// made it and when, and whether the Procurement Act 2023 wants a contract change notice (UK10) for it. Never edited.
/// </summary>
public class ContractModification : ILogRow
{
    /// <summary>Procurement Act 2023 s.75(2)(a): a change to a goods or services contract's estimated value of this share or less needs no notice.</summary>
    public const decimal ValueShareWithoutNotice = 0.10m;

    /// <summary>s.75(2)(b): a change to the term of this share or less of the term on award needs no notice.</summary>
    public const decimal TermShareWithoutNotice = 0.10m;

    public long Id { get; set; }

    public int ContractId { get; set; }

    /// <summary>For the seed, which records a modification with its contract; not part of the API (never expanded).</summary>
    public Contract? Contract { get; set; }

    public DateOnly EndOnBefore { get; set; }

    public DateOnly EndOnAfter { get; set; }

    public decimal TotalValueBefore { get; set; }

    public decimal TotalValueAfter { get; set; }

    public decimal AnnualValueBefore { get; set; }

    public decimal AnnualValueAfter { get; set; }

    public decimal VatBefore { get; set; }

    public decimal VatAfter { get; set; }

    [MaxLength(2000)]
    public string Reason { get; set; } = "";

    public DateTime MadeAt { get; set; }

    [MaxLength(256)]
    public string MadeBy { get; set; } = "";

    /// <summary>Whether a contract change notice (UK10) is required before the change (Act contracts only).</summary>
    public bool ChangeNoticeRequired { get; set; }

    /// <summary>Why a notice is or is not required, in words with the provision.</summary>
    [MaxLength(500)]
    public string ChangeNoticeRule { get; set; } = "";

    /// <summary>The contract's end and money before this change.</summary>
    public ContractTerms Before => new(EndOnBefore, TotalValueBefore, AnnualValueBefore, VatBefore);

    /// <summary>The contract's end and money after this change.</summary>
    public ContractTerms After => new(EndOnAfter, TotalValueAfter, AnnualValueAfter, VatAfter);

    /// <summary>The key the UK10 raised for this change was raised under, so the notice sets out this change.</summary>
    [MaxLength(200)]
    public string? ChangeNoticeKey { get; set; }

    /// <summary>
    /// s.75(1)-(2): before modifying an Act contract the council publishes a UK10, unless the change to its estimated
    /// value is 10% or less or the change to its term is 10% or less of the term on award. Measured from the contract
    /// as awarded (the first modification's "before"), so a change split into steps is judged as a whole, as s.75(4)-(5)
    /// asks where the steps could have been made together; the council's reading, shown as such.
    /// </summary>
    public static (bool Required, string Rule) ChangeNotice(bool underProcurementAct, DateOnly startOn, ContractTerms onAward, ContractTerms after)
    {
        if (!underProcurementAct)
            return (false, "Let under PCR 2015: the Procurement Act 2023's contract change notice does not apply (reg 72 governs the change).");
        var (valueOnAward, valueAfter) = (onAward.EstimatedValue, after.EstimatedValue);
        var valueShare = valueOnAward == 0 ? (valueAfter == 0 ? 0 : 1) : Math.Abs(valueAfter - valueOnAward) / valueOnAward;
        var termOnAward = onAward.EndOn.DayNumber - startOn.DayNumber;
        var termShare = termOnAward <= 0 ? 1 : Math.Abs(after.EndOn.DayNumber - onAward.EndOn.DayNumber) / (decimal)termOnAward;
        var measured = $"since award the estimated value has changed by {valueShare:P1} and the term by {termShare:P1}";
        if (valueShare <= ValueShareWithoutNotice)
            return (false, $"No UK10: {measured}; a value change of 10% or less needs none (Procurement Act 2023 s.75(2)(a)).");
        if (termShare <= TermShareWithoutNotice)
            return (false, $"No UK10: {measured}; a term change of 10% or less of the term on award needs none (s.75(2)(b)).");
        return (true, $"UK10 required before the change takes effect: {measured}, both more than 10% (Procurement Act 2023 s.75(1)).");
    }
}

/// <summary>A contract's end date and money: what a modification changes.</summary>
public sealed record ContractTerms(DateOnly EndOn, decimal TotalValue, decimal AnnualValue, decimal Vat)
{
    /// <summary>The whole-life value with VAT, as s.75 compares it.</summary>
    public decimal EstimatedValue => TotalValue + Vat;
}
