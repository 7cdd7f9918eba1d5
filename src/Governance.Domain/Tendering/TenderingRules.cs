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

    /// <summary>A request to participate arrives while requests are open and before the deadline.</summary>
    public static void CheckRequestToParticipate(Procurement procurement, DateOnly today)
    {
        if (procurement.Stage != ProcurementStage.SelectionQuestionnaire || procurement.ContractNoticeSentOn is null)
            throw new BusinessRuleException("participation-closed", $"Requests to participate are not open: the procurement is at {procurement.Stage}.");
        if (procurement.ParticipationDeadline is { } deadline && today > deadline)
            throw new BusinessRuleException("participation-late", $"The deadline for requests to participate was {deadline:d MMMM yyyy}; late requests are refused.");
    }

    /// <summary>
    /// Whether a submission may be made now. Before the stage's deadline: the bid itself. After the final tender
    /// deadline: only clarification, specification or optimisation, with a justification (reg 30(16)). With the
    /// preferred bidder: only the confirmation of financial commitments, by that bidder (reg 30(17)). A change after the
    /// deadline answers the council's open request of that kind (rule <c>authority-request-only</c>).
    /// </summary>
    public static ProcurementStage CheckSubmission(
        Procurement procurement, ProcurementStageDate? stageDates, SubmissionKind kind, string? justification, bool isPreferredBidder, DateTime nowUtc,
        decimal price = 0, decimal? finalTenderPrice = null, TenderChangeRequest? changeRequest = null)
    {
        if (procurement.Stage == ProcurementStage.PreferredBidder)
        {
            if (kind != SubmissionKind.FinancialConfirmation || !isPreferredBidder)
                throw new BusinessRuleException("preferred-bidder-financial-only", "With the preferred bidder only the confirmation of financial commitments may be submitted; any other change is refused.");
            CheckPriceUnchanged(price, finalTenderPrice);
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
            if (changeRequest is not { Status: ChangeRequestStatus.Open } || changeRequest.Kind != kind)
            {
                throw new BusinessRuleException("authority-request-only",
                    $"After the final-tender deadline a tender changes only at the council's request: answer an open {kind} request (ChangeRequestId) the team has raised with you.");
            }

            CheckPriceUnchanged(price, finalTenderPrice);
            return procurement.Stage;
        }

        throw new BusinessRuleException("late-submission",
            $"The deadline for {procurement.Stage} passed at {deadline:yyyy-MM-dd HH:mm} UTC; late submissions are refused."
            + (procurement.Stage == ProcurementStage.FinalTenders ? " After the deadline only clarification, specification or optimisation of a final tender is accepted." : ""));
    }

    /// <summary>
    /// Rule <c>price-fixed-after-deadline</c>: after the final-tender deadline the price is an essential aspect of
    /// the tender. A clarification, specification, optimisation or the preferred bidder's confirmation of financial
    /// commitments carries the evaluated price unchanged, so the letters, the evaluation and the contract agree.
    /// </summary>
    public static void CheckPriceUnchanged(decimal price, decimal? finalTenderPrice)
    {
        if (finalTenderPrice is not { } evaluated)
            throw new BusinessRuleException("price-fixed-after-deadline", "There is no final tender to clarify or confirm.");
        if (price != evaluated)
        {
            throw new BusinessRuleException("price-fixed-after-deadline",
                $"The price is an essential aspect of the final tender and cannot change after the deadline: it stays at GBP {evaluated:N2}, not GBP {price:N2}.");
        }
    }

    /// <summary>
    /// Rule <c>reg66-criteria-in-advance</c>: bidders are eliminated at a stage only on criteria recorded before the
    /// stage opened.
    /// </summary>
    public static void CheckCriteriaStatedInAdvance(ProcurementStage stage, IReadOnlyCollection<DateTime> criteriaRecordedAt, DateTime? stageOpenedAt)
    {
        if (criteriaRecordedAt.Count == 0 || stageOpenedAt is not { } opened || criteriaRecordedAt.Any(recorded => recorded > opened))
            throw new BusinessRuleException("reg66-criteria-in-advance", $"Bidders are eliminated at {stage} only on criteria recorded before the stage opened (reg 66).");
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
