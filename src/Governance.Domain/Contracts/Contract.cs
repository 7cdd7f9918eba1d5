using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Contracts;

/// <summary>An entry in the council's contract register.</summary>
public class Contract : ArchivableEntity
{
    [Required, MaxLength(32)]
    public string Reference { get; set; } = "";

    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    [MaxLength(4000)]
    public string? Description { get; set; }

    public int SupplierId { get; set; }

    public Supplier? Supplier { get; set; }

    public int DepartmentId { get; set; }

    public Department? Department { get; set; }

    /// <summary>The procurement the contract was let from, if it was let through Governance.</summary>
    public int? ProcurementId { get; set; }

    [MaxLength(200)]
    public string? ContractManager { get; set; }

    /// <summary>Whole-life value in GBP, excluding VAT.</summary>
    public decimal TotalValue { get; set; }

    public decimal AnnualValue { get; set; }

    /// <summary>VAT on the whole-life value, in GBP.</summary>
    public decimal Vat { get; set; }

    /// <summary>VAT the council cannot recover (Transparency Code field).</summary>
    public decimal IrrecoverableVat { get; set; }

    /// <summary>How it was let (Transparency Code field), when not through a procurement recorded here.</summary>
    public Tendering.ProcurementProcedure? Procedure { get; set; }

    [MaxLength(4000)]
    public string? ExitPlan { get; set; }

    public DateOnly? ExitPlanReviewedOn { get; set; }

    /// <summary>Percentage of the monthly charge credited for each red KPI in a period (weighted by the KPI's weight).</summary>
    [Range(0, 100)]
    public decimal ServiceCreditPercentPerRedKpi { get; set; }

    /// <summary>Service credits in a period never exceed this percentage of the monthly charge.</summary>
    [Range(0, 100)]
    public decimal ServiceCreditCapPercent { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? StatusReason { get; set; }

    public DateOnly StartOn { get; set; }

    public DateOnly EndOn { get; set; }

    public DateOnly? ReviewOn { get; set; }

    [ServerManaged]
    public ContractStatus Status { get; set; }

    public ICollection<Indicator> Indicators { get; } = [];

    /// <summary>Procurement Act 2023 s.52: a contract worth more than GBP 5m has at least three KPIs.</summary>
    public const decimal KpiThreshold = 5_000_000m;

    public const int MinimumKpisAboveThreshold = 3;

    /// <summary>Makes the contract active; above GBP 5m only with at least three KPIs (s.52).</summary>
    public void Activate(int kpiCount)
    {
        if (Status is not (ContractStatus.Draft or ContractStatus.InRemediation))
            throw new Common.BusinessRuleException("contract-status", $"A {Status} contract cannot be made active.");
        if (TotalValue > KpiThreshold && kpiCount < MinimumKpisAboveThreshold)
        {
            throw new Common.BusinessRuleException("pa2023-s52-kpis",
                $"A contract worth more than GBP 5m must have at least {MinimumKpisAboveThreshold} KPIs (Procurement Act 2023 s.52); this one has {kpiCount}.");
        }

        Status = ContractStatus.Active;
        StatusReason = null;
    }

    public void EnterRemediation(string reason) => Move(ContractStatus.InRemediation, reason, ContractStatus.Active);

    public void Terminate(string reason) => Move(ContractStatus.Terminated, reason, ContractStatus.Active, ContractStatus.InRemediation);

    public void Expire() => Move(ContractStatus.Expired, $"Ended on {EndOn:d MMMM yyyy}", ContractStatus.Active, ContractStatus.InRemediation);

    private void Move(ContractStatus to, string reason, params ContractStatus[] from)
    {
        if (!from.Contains(Status))
            throw new Common.BusinessRuleException("contract-status", $"A {Status} contract cannot become {to}.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new Common.BusinessRuleException("reason-required", $"Say why the contract becomes {to}.", isInvalidInput: true);
        Status = to;
        StatusReason = reason;
    }
}
