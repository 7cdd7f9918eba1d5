using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Organisation;
using Governance.Domain.Performance;

namespace Governance.Domain.Contracts;

/// <summary>An entry in the council's contract register.</summary>
public class Contract : ArchivableEntity, ICheckedValues
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

    /// <summary>The s.52 exception the contract relies on to have fewer than three KPIs, recorded by <see cref="RecordS52Exemption"/>.</summary>
    [ServerManaged]
    public S52Exemption S52Exemption { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? S52ExemptionReason { get; set; }

    [ServerManaged]
    public DateTime? NovatedAt { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? NovationReason { get; set; }

    // The council's rating policy for this contract; null takes the council-wide default from configuration.
    [Range(0, 1)]
    public decimal? RatingGoodFrom { get; set; }

    [Range(0, 1)]
    public decimal? RatingApproachingTargetFrom { get; set; }

    [Range(0, 1)]
    public decimal? RatingRequiresImprovementFrom { get; set; }

    [Range(0, 1)]
    public decimal? RatingMinimumRatedShare { get; set; }

    /// <summary>Whether a return not made by its due date counts as red (council default: yes).</summary>
    public bool? NotReportedCountsAsRed { get; set; }

    /// <summary>Procurement Act 2023 s.52: a contract worth more than GBP 5m has at least three KPIs.</summary>
    public const decimal KpiThreshold = 5_000_000m;

    public const int MinimumKpisAboveThreshold = 3;

    /// <summary>The estimated value as Schedule 3 counts it for s.52: the whole-life value with VAT and every option.</summary>
    public decimal EstimatedValue(decimal optionsValue) => TotalValue + Vat + optionsValue;

    /// <summary>This contract's rating policy: its own values where set, the council default otherwise.</summary>
    public PerformancePolicy Policy(PerformancePolicy councilDefault) => new(
        RatingGoodFrom ?? councilDefault.GoodFrom, RatingApproachingTargetFrom ?? councilDefault.ApproachingTargetFrom,
        RatingRequiresImprovementFrom ?? councilDefault.RequiresImprovementFrom, RatingMinimumRatedShare ?? councilDefault.MinimumRatedShare,
        NotReportedCountsAsRed ?? councilDefault.NotReportedCountsAsRed);

    /// <summary>Whether s.52 requires three KPIs of this contract: above GBP 5m with VAT and options, and no exception recorded.</summary>
    public bool NeedsThreeKpis(decimal optionsValue) => EstimatedValue(optionsValue) > KpiThreshold && S52Exemption == S52Exemption.None;

    /// <summary>
    /// Makes the contract active: above GBP 5m (VAT and options included) only with at least three KPIs, unless an s.52
    /// exception is recorded; and only when its KPIs' weights sum to 100.
    /// </summary>
    public void Activate(int kpiCount, decimal optionsValue, decimal kpiWeights)
    {
        if (Status is not (ContractStatus.Draft or ContractStatus.InRemediation))
            throw new BusinessRuleException("contract-status", $"A {Status} contract cannot be made active.");
        RefuseTooFewKpis(kpiCount, optionsValue);
        if (kpiCount > 0 && kpiWeights != 100)
            throw new BusinessRuleException("kpi-weights-sum-100", $"The weights of a contract's KPIs sum to 100; this contract's sum to {kpiWeights:0.##}.");
        Status = ContractStatus.Active;
        StatusReason = null;
    }

    /// <summary>s.52: a live contract above GBP 5m keeps three KPIs unless it relies on an exception.</summary>
    public void RefuseTooFewKpis(int kpiCount, decimal optionsValue)
    {
        if (NeedsThreeKpis(optionsValue) && kpiCount < MinimumKpisAboveThreshold)
        {
            throw new BusinessRuleException("pa2023-s52-kpis",
                $"A contract with an estimated value over GBP 5m (GBP {EstimatedValue(optionsValue):N0} with VAT and options) must have at least {MinimumKpisAboveThreshold} KPIs "
                + $"(Procurement Act 2023 s.52) unless an exception is recorded; this one would have {kpiCount}.");
        }
    }

    /// <summary>Records which s.52 exception the contract relies on, and why (or clears it with None).</summary>
    public void RecordS52Exemption(S52Exemption exception, string? reason)
    {
        if (exception != S52Exemption.None && string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Say why the s.52 exception applies to this contract.", isInvalidInput: true);
        S52Exemption = exception;
        S52ExemptionReason = exception == S52Exemption.None ? null : reason!.Trim();
    }

    /// <summary>Novation: the contract passes to another supplier, by a named action with a reason, never by an edit.</summary>
    public void Novate(int supplierId, string? reason, DateTime nowUtc)
    {
        if (Status is ContractStatus.Terminated or ContractStatus.Expired)
            throw new BusinessRuleException("contract-status", $"A {Status} contract cannot be novated.");
        if (supplierId == SupplierId)
            throw new BusinessRuleException("novation-same-supplier", "The contract is already with that supplier.", isInvalidInput: true);
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Say why the contract is novated.", isInvalidInput: true);
        SupplierId = supplierId;
        NovatedAt = nowUtc;
        NovationReason = reason.Trim();
    }

    /// <summary>
    /// A change to the contract's term or money after it was entered, by a named action with a reason, never by an
    /// edit: its end date, whole-life and annual value and VAT are what the expiry, the service credits, s.52's
    /// threshold and the payments notices read. Refused for an ended contract, and for an end already past (a contract
    /// is ended early by <see cref="Terminate"/>, which says so). Returns the record of the change; the caller then
    /// checks s.52 against the new value (<see cref="RefuseTooFewKpis"/>) and raises a UK10 where one is required.
    /// </summary>
    public ContractModification Modify(ContractTerms after, string? reason, ContractTerms? onAward, bool underProcurementAct,
        DateOnly today, DateTime nowUtc, string by)
    {
        if (Status is ContractStatus.Terminated or ContractStatus.Expired)
            throw new BusinessRuleException("contract-status", $"A {Status} contract cannot be modified.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Say why the contract is modified.", isInvalidInput: true);
        if (reason.Trim().Length > 2000)
            throw new BusinessRuleException("reason-too-long", "Say why the contract is modified in at most 2,000 characters.", isInvalidInput: true);
        if (after == Terms)
            throw new BusinessRuleException("modification-empty", "Give at least one of EndOn, TotalValue, AnnualValue or Vat that differs from the contract's.", isInvalidInput: true);
        if (after.EndOn != EndOn && after.EndOn < today)
            throw new BusinessRuleException("contract-end-past", $"A contract's end cannot be moved to a day already past ({after.EndOn:d MMMM yyyy}); end it early with Terminate.");
        var record = new ContractModification
        {
            ContractId = Id, EndOnBefore = EndOn, TotalValueBefore = TotalValue, AnnualValueBefore = AnnualValue, VatBefore = Vat,
            EndOnAfter = after.EndOn, TotalValueAfter = after.TotalValue, AnnualValueAfter = after.AnnualValue, VatAfter = after.Vat,
            Reason = reason.Trim(), MadeAt = nowUtc, MadeBy = by,
        };
        (record.ChangeNoticeRequired, record.ChangeNoticeRule) = ContractModification.ChangeNotice(underProcurementAct, StartOn, onAward ?? Terms, after);
        (EndOn, TotalValue, AnnualValue, Vat) = (after.EndOn, after.TotalValue, after.AnnualValue, after.Vat);
        CheckValues();
        return record;
    }

    /// <summary>The term and money <see cref="Modify"/> changes, as they stand.</summary>
    public ContractTerms Terms => new(EndOn, TotalValue, AnnualValue, Vat);

    public void CheckValues()
    {
        if (EndOn <= StartOn)
            throw new BusinessRuleException("contract-dates-order", $"EndOn ({EndOn:yyyy-MM-dd}) must be after StartOn ({StartOn:yyyy-MM-dd}).", isInvalidInput: true);
        if (ReviewOn is { } review && (review < StartOn || review > EndOn))
            throw new BusinessRuleException("contract-review-in-term", "ReviewOn falls within the contract's term.", isInvalidInput: true);
        foreach (var (field, value) in new[] { (nameof(TotalValue), TotalValue), (nameof(AnnualValue), AnnualValue), (nameof(Vat), Vat), (nameof(IrrecoverableVat), IrrecoverableVat) })
        {
            if (value < 0)
                throw new BusinessRuleException("money-not-negative", $"{field} ({value}) cannot be negative.", isInvalidInput: true);
        }

        if (IrrecoverableVat > Vat && Vat > 0)
            throw new BusinessRuleException("irrecoverable-vat", "IrrecoverableVat cannot exceed Vat.", isInvalidInput: true);
        Policy(PerformancePolicy.Default).Check();
    }

    public void EnterRemediation(string reason) => Move(ContractStatus.InRemediation, reason, ContractStatus.Active);

    public void Terminate(string reason) => Move(ContractStatus.Terminated, reason, ContractStatus.Active, ContractStatus.InRemediation);

    public void Expire() => Move(ContractStatus.Expired, $"Ended on {EndOn:d MMMM yyyy}", ContractStatus.Active, ContractStatus.InRemediation);

    private void Move(ContractStatus to, string reason, params ContractStatus[] from)
    {
        if (!from.Contains(Status))
            throw new BusinessRuleException("contract-status", $"A {Status} contract cannot become {to}.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", $"Say why the contract becomes {to}.", isInvalidInput: true);
        Status = to;
        StatusReason = reason;
    }
}

/// <summary>The exceptions to the s.52 duty to set three KPIs (Procurement Act 2023 s.52(3)-(4)).</summary>
public enum S52Exemption
{
    None,

    /// <summary>A framework (s.52 does not apply to frameworks).</summary>
    Framework,

    /// <summary>A light touch contract.</summary>
    LightTouchContract,

    /// <summary>The authority considers the supplier's performance could not appropriately be assessed by KPIs.</summary>
    NotAppropriatelyAssessedByKpis,
}
