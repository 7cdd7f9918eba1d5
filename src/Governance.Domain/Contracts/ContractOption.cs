using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Contracts;

public enum ContractOptionKind
{
    Extension,
    Break,
}

/// <summary>An extension option or break clause, with the date by which notice must be given.</summary>
public class ContractOption : ArchivableEntity
{
    public int ContractId { get; set; }

    public Contract? Contract { get; set; }

    public ContractOptionKind Kind { get; set; }

    [Required, MaxLength(1000)]
    public string Description { get; set; } = "";

    /// <summary>Length of an extension, in months.</summary>
    [Range(1, 600)]
    public int? Months { get; set; }

    /// <summary>The estimated value of exercising the option in GBP, with VAT: Schedule 3 counts it in the contract's estimated value.</summary>
    [Range(0, 1_000_000_000_000)]
    public decimal Value { get; set; }

    /// <summary>The last day to give notice to exercise the option or break.</summary>
    public DateOnly? NoticeBy { get; set; }
}
