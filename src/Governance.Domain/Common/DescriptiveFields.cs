using Governance.Domain.Appraisal;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Organisation;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;

namespace Governance.Domain.Common;

/// <summary>
/// What an update (PATCH or PUT) may change, per entity, in one place: descriptive fields only. A field that a
/// rule reads (a stage, a status, a date a statutory clock counts from, a seal's deadline) or that ties a record
/// to its parent (and so to who may see it) is not here: it is set when the record is created, stamped by the
/// server, or changed by a named action that checks the rules. A type that is not listed cannot be updated at all.
/// </summary>
public static class DescriptiveFields
{
    private static readonly Dictionary<Type, HashSet<string>> ByType = new()
    {
        // Tendering: dates, stages and statuses move only through the procurement's actions and workflow.
        [typeof(Procurement)] = [nameof(Procurement.Reference), nameof(Procurement.Title), nameof(Procurement.Description), nameof(Procurement.LeadOfficer),
            nameof(Procurement.LeadMember), nameof(Procurement.EstimatedValue)],
        [typeof(Bidder)] = [],
        [typeof(ProcurementStageDate)] = [nameof(ProcurementStageDate.PlannedOn)],
        [typeof(ProcurementTeamMember)] = [],
        [typeof(EvaluationCriterion)] = [nameof(EvaluationCriterion.Name), nameof(EvaluationCriterion.Description), nameof(EvaluationCriterion.Kind), nameof(EvaluationCriterion.Weight)],
        [typeof(BudgetLine)] = [nameof(BudgetLine.Name), nameof(BudgetLine.ApprovedBy), nameof(BudgetLine.Approved), nameof(BudgetLine.Spent)],
        [typeof(RaidItem)] = [nameof(RaidItem.Kind), nameof(RaidItem.Title), nameof(RaidItem.Description), nameof(RaidItem.Owner), nameof(RaidItem.Rating),
            nameof(RaidItem.Mitigation), nameof(RaidItem.OtherProgramme), nameof(RaidItem.Closed)],
        [typeof(Lot)] = [nameof(Lot.Name), nameof(Lot.Description)],
        [typeof(ProposedKpi)] = [nameof(ProposedKpi.Code), nameof(ProposedKpi.Name), nameof(ProposedKpi.Unit), nameof(ProposedKpi.Direction), nameof(ProposedKpi.Category),
            nameof(ProposedKpi.Target), nameof(ProposedKpi.AmberThreshold), nameof(ProposedKpi.RedThreshold), nameof(ProposedKpi.Frequency), nameof(ProposedKpi.Weight),
            nameof(ProposedKpi.SupplierSelfReports)],

        // Options appraisal: the preferred option and its rationale are read when a statutory officer approves.
        [typeof(OptionsAppraisal)] = [nameof(OptionsAppraisal.Title), nameof(OptionsAppraisal.Summary), nameof(OptionsAppraisal.PreferredOptionId),
            nameof(OptionsAppraisal.PreferenceRationale)],
        [typeof(AppraisalOption)] = [nameof(AppraisalOption.Name), nameof(AppraisalOption.Kind), nameof(AppraisalOption.Description), nameof(AppraisalOption.WholeLifeCost),
            nameof(AppraisalOption.IsInHouseComparator)],
        [typeof(AppraisalCriterion)] = [nameof(AppraisalCriterion.Name), nameof(AppraisalCriterion.Weight)],
        [typeof(OptionScore)] = [nameof(OptionScore.Value), nameof(OptionScore.Rationale)],
        [typeof(SavingsLine)] = [nameof(SavingsLine.Description), nameof(SavingsLine.AnnualAmount), nameof(SavingsLine.Method), nameof(SavingsLine.Assumptions),
            nameof(SavingsLine.Evidence)],
        [typeof(AppraisalRisk)] = [nameof(AppraisalRisk.Description), nameof(AppraisalRisk.Rating), nameof(AppraisalRisk.Mitigation)],

        // Contracts: the supplier is changed by novation only; the parent of a KPI or option never changes. The day the
        // contract was entered is set when it is recorded: it decides the law it falls under and its notices' deadlines.
        // Its end and its money (read by expiry, service credits, s.52 and the payments notices) change by Modify only.
        [typeof(Contract)] = [nameof(Contract.Reference), nameof(Contract.Title), nameof(Contract.Description), nameof(Contract.DepartmentId), nameof(Contract.ContractManager),
            nameof(Contract.IrrecoverableVat), nameof(Contract.ExitPlan),
            nameof(Contract.ExitPlanReviewedOn), nameof(Contract.ServiceCreditPercentPerRedKpi), nameof(Contract.ServiceCreditCapPercent),
            nameof(Contract.ReviewOn), nameof(Contract.RatingGoodFrom), nameof(Contract.RatingApproachingTargetFrom),
            nameof(Contract.RatingRequiresImprovementFrom), nameof(Contract.RatingMinimumRatedShare), nameof(Contract.NotReportedCountsAsRed)],
        [typeof(ContractOption)] = [nameof(ContractOption.Kind), nameof(ContractOption.Description), nameof(ContractOption.Months), nameof(ContractOption.NoticeBy), nameof(ContractOption.Value)],
        // A KPI's direction, target, red threshold and weight change only by Revise (a new version from a future period);
        // its unit and frequency never change, since past returns were made in them.
        [typeof(Indicator)] = [nameof(Indicator.Code), nameof(Indicator.Name), nameof(Indicator.Category), nameof(Indicator.ConsecutiveAmberLimit),
            nameof(Indicator.SupplierSelfReports), nameof(Indicator.DataSource), nameof(Indicator.EvidenceRequired)],
        [typeof(InternalSla)] = [nameof(InternalSla.Title), nameof(InternalSla.Author), nameof(InternalSla.Monitor), nameof(InternalSla.EnforcementRoute), nameof(InternalSla.EnforcementRungs), nameof(InternalSla.ReviewOn)],
        [typeof(RemediationPlan)] = [nameof(RemediationPlan.Title), nameof(RemediationPlan.Objective), nameof(RemediationPlan.AgreedWith)],
        // An action's due date decides when it is missed (the daily sweep, the report as at a meeting): not an update's to move.
        [typeof(RemediationAction)] = [nameof(RemediationAction.Description), nameof(RemediationAction.Owner)],

        // Organisation and scrutiny.
        [typeof(Department)] = [nameof(Department.Code), nameof(Department.Name), nameof(Department.Directorate), nameof(Department.HeadOfService), nameof(Department.Director)],
        [typeof(Supplier)] = [nameof(Supplier.Name), nameof(Supplier.CompaniesHouseNumber), nameof(Supplier.IsSme), nameof(Supplier.IsVcse), nameof(Supplier.ContactEmail)],
        [typeof(Committee)] = [nameof(Committee.Name), nameof(Committee.Kind)],
        [typeof(Member)] = [nameof(Member.Name), nameof(Member.Role), nameof(Member.Email), nameof(Member.TermStart), nameof(Member.TermEnd)],
        [typeof(Meeting)] = [nameof(Meeting.StartsAt), nameof(Meeting.Venue)],
        [typeof(AgendaItem)] = [nameof(AgendaItem.Number), nameof(AgendaItem.Title), nameof(AgendaItem.LeadOfficer), nameof(AgendaItem.LeadMember),
            nameof(AgendaItem.ContactOfficer), nameof(AgendaItem.Wards), nameof(AgendaItem.Recommendations)],
        [typeof(PaperSection)] = [nameof(PaperSection.Number), nameof(PaperSection.Subheading), nameof(PaperSection.Order), nameof(PaperSection.Body)],
        [typeof(ForwardPlanEntry)] = [nameof(ForwardPlanEntry.Title), nameof(ForwardPlanEntry.DecisionDate), nameof(ForwardPlanEntry.KeyDecision),
            nameof(ForwardPlanEntry.PrivateItem), nameof(ForwardPlanEntry.UrgencyReason)],
        [typeof(ExemptionMarking)] = [nameof(ExemptionMarking.PublicInterestTest)],
    };

    /// <summary>The fields an update of this type may change; empty for a type that is never updated.</summary>
    public static IReadOnlySet<string> Of(Type type) => ByType.TryGetValue(type, out var fields) ? fields : [];

    /// <summary>The types that declare their descriptive fields (the rest cannot be updated).</summary>
    public static IEnumerable<Type> Declared => ByType.Keys;
}
