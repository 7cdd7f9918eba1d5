using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Tendering.Bids;

namespace Governance.Domain.Tendering;

/// <summary>The statutory rules of a tender, as named checks that throw the rule they break.</summary>
public static class TenderingRules
{
    /// <summary>Stages at which bidders submit solutions.</summary>
    public static readonly IReadOnlySet<ProcurementStage> SubmissionStages =
        new HashSet<ProcurementStage> { ProcurementStage.OutlineSolutions, ProcurementStage.DetailedSolutions, ProcurementStage.FinalTenders };

    /// <summary>Stages at which dialogue happens and solutions may be reduced.</summary>
    public static readonly IReadOnlySet<ProcurementStage> DialogueStages =
        new HashSet<ProcurementStage> { ProcurementStage.OutlineSolutions, ProcurementStage.DetailedSolutions };

    private static readonly SubmissionKind[] PostTenderChanges = [SubmissionKind.Clarification, SubmissionKind.Specification, SubmissionKind.Optimisation];

    /// <summary>PCR 2015 reg 30: the deadline for requests to participate is at least 30 days after the contract notice.</summary>
    public static void CheckParticipationDeadline(Procurement procurement)
    {
        if (procurement.ParticipationDeadline is not { } deadline)
            return;
        if (procurement.ContractNoticeSentOn is not { } sent)
            throw new BusinessRuleException("reg30-participation-period", "Record when the contract notice was sent before setting the deadline for requests to participate.", isInvalidInput: true);
        if (procurement.Procedure == ProcurementProcedure.CompetitiveDialogue && deadline < StatutoryClocks.Reg30EarliestParticipationDeadline(sent))
        {
            throw new BusinessRuleException("reg30-participation-period",
                $"Requests to participate must be open for at least 30 days from the contract notice (reg 30): the earliest deadline is {StatutoryClocks.Reg30EarliestParticipationDeadline(sent):d MMMM yyyy}.",
                isInvalidInput: true);
        }
    }

    /// <summary>A request to participate arrives while requests are open and before the deadline.</summary>
    public static void CheckRequestToParticipate(Procurement procurement, DateOnly today)
    {
        if (procurement.Stage != ProcurementStage.SelectionQuestionnaire)
            throw new BusinessRuleException("participation-closed", $"Requests to participate are not open: the procurement is at {procurement.Stage}.");
        if (procurement.ParticipationDeadline is { } deadline && today > deadline)
            throw new BusinessRuleException("participation-late", $"The deadline for requests to participate was {deadline:d MMMM yyyy}; late requests are refused.");
    }

    /// <summary>
    /// Whether a submission may be made now. Before the stage's deadline: the bid itself. After the final tender
    /// deadline: only clarification, specification or optimisation, with a justification (reg 30(16)). With the
    /// preferred bidder: only the confirmation of financial commitments, by that bidder (reg 30(17)).
    /// </summary>
    public static ProcurementStage CheckSubmission(
        Procurement procurement, ProcurementStageDate? stageDates, SubmissionKind kind, string? justification, bool isPreferredBidder, DateTime nowUtc)
    {
        if (procurement.Stage == ProcurementStage.PreferredBidder)
        {
            if (kind != SubmissionKind.FinancialConfirmation || !isPreferredBidder)
                throw new BusinessRuleException("preferred-bidder-financial-only", "With the preferred bidder only the confirmation of financial commitments may be submitted; any other change is refused.");
            return ProcurementStage.PreferredBidder;
        }

        if (!SubmissionStages.Contains(procurement.Stage))
            throw new BusinessRuleException("submissions-closed", $"The procurement is at {procurement.Stage}, which takes no submissions.");
        if (stageDates?.SubmissionDeadline is not { } deadline)
            throw new BusinessRuleException("submissions-closed", $"No submission deadline has been set for {procurement.Stage}.");
        if (nowUtc <= deadline)
        {
            if (kind != SubmissionKind.Original)
                throw new BusinessRuleException("submission-kind", "Before the deadline a bidder submits (or resubmits) its bid as Original.", isInvalidInput: true);
            return procurement.Stage;
        }

        if (procurement.Stage == ProcurementStage.FinalTenders && PostTenderChanges.Contains(kind))
        {
            if (string.IsNullOrWhiteSpace(justification))
                throw new BusinessRuleException("essential-aspects", "Say why the change only clarifies, specifies or optimises the final tender without changing its essential aspects.", isInvalidInput: true);
            return procurement.Stage;
        }

        throw new BusinessRuleException("late-submission",
            $"The deadline for {procurement.Stage} passed at {deadline:yyyy-MM-dd HH:mm} UTC; late submissions are refused."
            + (procurement.Stage == ProcurementStage.FinalTenders ? " After the deadline only clarification, specification or optimisation of a final tender is accepted." : ""));
    }

    /// <summary>Criteria for a stage are fixed once the stage opens.</summary>
    public static void CheckCriterionCanChange(Procurement procurement, ProcurementStage criterionStage)
    {
        if (!SubmissionStages.Contains(criterionStage))
            throw new BusinessRuleException("criterion-stage", "Criteria belong to a stage that takes submissions: OutlineSolutions, DetailedSolutions or FinalTenders.", isInvalidInput: true);
        if (procurement.Stage >= criterionStage && procurement.Stage != ProcurementStage.Planning)
            throw new BusinessRuleException("criteria-fixed", $"Criteria for {criterionStage} were fixed when the stage opened; they cannot be added or changed now (reg 66).");
    }
}
