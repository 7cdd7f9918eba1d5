using Governance.Api.Features.Notifications;
using Governance.Api.Features.Performance;
using Governance.Api.Features.Tendering;
using Governance.Api.Features.Workflows;
using Governance.Domain.Appraisal;
using Governance.Domain.Audit;
using Governance.Domain.Contracts;
using Governance.Domain.Documents;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using Governance.Domain.Organisation;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace Governance.Api.OData;

/// <summary>The one place the OData model is built. Entity sets are named as plurals of the aggregates.</summary>
public static class EdmModelBuilder
{
    public static IEdmModel Build()
    {
        var builder = new ODataConventionModelBuilder { Namespace = "Governance", ContainerName = "Governance" };
        builder.EntitySet<Department>("Departments");
        builder.EntitySet<Supplier>("Suppliers");
        builder.EntitySet<Procurement>("Procurements");
        builder.EntitySet<Bidder>("Bidders");
        builder.EntitySet<Contract>("Contracts");
        builder.EntitySet<InternalSla>("InternalSlas");
        builder.EntitySet<Indicator>("Indicators");
        builder.EntitySet<Measurement>("Measurements");
        builder.EntitySet<Committee>("Committees");
        builder.EntitySet<Member>("Members");
        builder.EntitySet<Meeting>("Meetings");
        builder.EntitySet<SignOffRequest>("SignOffRequests");
        builder.EntitySet<AgendaItem>("AgendaItems");
        builder.EntitySet<ExemptionMarking>("ExemptionMarkings");
        builder.EntitySet<SignOffDecision>("SignOffDecisions");
        builder.EntitySet<Decision>("Decisions");
        builder.EntitySet<ForwardPlanEntry>("ForwardPlanEntries");
        builder.EntitySet<ScrutinyQuestion>("ScrutinyQuestions");
        builder.EntitySet<Consultation>("Consultations");
        builder.EntitySet<Escalation>("Escalations");
        builder.EntitySet<AuditEntry>("AuditEntries");
        builder.EntitySet<SlipObservation>("SlipObservations");
        builder.EntitySet<ContractOption>("ContractOptions");
        builder.EntitySet<ContractModification>("ContractModifications");
        builder.EntityType<ContractModification>().Ignore(m => m.Contract);
        builder.EntitySet<RemediationPlan>("RemediationPlans");
        builder.EntitySet<RemediationAction>("RemediationActions");
        builder.EntitySet<RemediationActionResponse>("RemediationActionResponses");
        builder.EntitySet<IndicatorVersion>("IndicatorVersions");
        builder.EntityType<Indicator>().Ignore(i => i.Versions);
        builder.EntitySet<PerformanceAssessment>("PerformanceAssessments");
        builder.EntitySet<Domain.Notices.Notice>("Notices");
        builder.EntitySet<Domain.Notices.NoticeVersion>("NoticeVersions");
        builder.EntitySet<PerformanceNotice>("PerformanceNotices");

        builder.EntitySet<ProcurementTeamMember>("ProcurementTeamMembers");
        builder.EntitySet<ProcurementStageDate>("ProcurementStageDates");
        builder.EntitySet<BudgetLine>("BudgetLines");
        builder.EntitySet<Lot>("Lots");
        builder.EntitySet<RaidItem>("RaidItems");
        builder.EntitySet<RequirementDocument>("RequirementDocuments");
        builder.EntitySet<ProposedKpi>("ProposedKpis");
        builder.EntitySet<EvaluationCriterion>("EvaluationCriteria");
        builder.EntitySet<PublishedClarification>("PublishedClarifications");
        builder.EntitySet<Submission>("Submissions");
        builder.EntitySet<Score>("Scores");
        builder.EntitySet<ModeratedScore>("ModeratedScores");
        builder.EntitySet<ConflictDeclaration>("ConflictDeclarations");
        builder.EntitySet<TenderChangeRequest>("TenderChangeRequests");
        builder.EntitySet<DialogueSession>("DialogueSessions");
        builder.EntitySet<ClarificationQuestion>("ClarificationQuestions");
        builder.EntitySet<ConsentRecord>("ConsentRecords");
        builder.EntitySet<SolutionDisclosure>("SolutionDisclosures");
        builder.EntitySet<AwardLetter>("AwardLetters");
        builder.EntitySet<OptionsAppraisal>("OptionsAppraisals");
        builder.EntitySet<AppraisalOption>("AppraisalOptions");
        builder.EntitySet<AppraisalCriterion>("AppraisalCriteria");
        builder.EntitySet<OptionScore>("OptionScores");
        builder.EntitySet<SavingsLine>("SavingsLines");
        builder.EntitySet<AppraisalRisk>("AppraisalRisks");
        builder.EntitySet<WorkflowDefinitionView>("WorkflowDefinitions").EntityType.HasKey(d => d.Key);
        builder.EntitySet<WorkflowInstance>("WorkflowInstances");
        builder.EntitySet<WorkflowTransition>("WorkflowTransitions");
        builder.EntitySet<WorkflowTimer>("WorkflowTimers");
        builder.EntitySet<Notification>("Notifications");
        builder.EntitySet<PaperSection>("PaperSections");
        builder.EntitySet<PublishedDocument>("PublishedDocuments");
        builder.EntitySet<DocumentJob>("DocumentJobs");

        builder.EntityType<AuditEntry>().Collection.Action("Verify").Returns<AuditVerification>();
        AddTenderingOperations(builder);
        AddPerformanceOperations(builder);
        builder.EntityType<SignOffDecision>().Action("Discharge").ReturnsFromEntitySet<SignOffDecision>("SignOffDecisions");
        builder.EntityType<AgendaItem>().Action("PublishPaper").ReturnsFromEntitySet<AgendaItem>("AgendaItems");
        // Document actions answer with the PDF itself (application/pdf); the published record is at Content-Location.
        builder.EntityType<AgendaItem>().Action("GeneratePaper").Returns<Stream>().Parameter<string>("Part").Optional();
        builder.EntityType<Meeting>().Action("GeneratePack").ReturnsFromEntitySet<DocumentJob>("DocumentJobs");
        builder.EntityType<Escalation>().Action("GenerateReport").Returns<Stream>();
        builder.EntityType<Contract>().Action("GenerateAssessment").Returns<Stream>().Parameter<int>("Year");
        builder.EntityType<PublishedDocument>().Function("Download").Returns<Stream>();
        builder.EntityType<ScrutinyQuestion>().Action("Answer").ReturnsFromEntitySet<ScrutinyQuestion>("ScrutinyQuestions").Parameter<string>("Answer");
        builder.EntityType<Decision>().Action("CallIn").ReturnsFromEntitySet<Decision>("Decisions").Parameter<string>("Reason");
        var considerCallIn = builder.EntityType<Decision>().Action("ConsiderCallIn").ReturnsFromEntitySet<Decision>("Decisions");
        considerCallIn.Parameter<bool>("ReferBack");
        considerCallIn.Parameter<string>("Minute");
        builder.EntityType<Consultation>().Action("Respond").ReturnsFromEntitySet<Consultation>("Consultations").Parameter<string>("Response");
        var decide = builder.EntityType<SignOffRequest>().Action("Decide").ReturnsFromEntitySet<SignOffRequest>("SignOffRequests");
        decide.Parameter<string>("Decision");
        OptionalText(decide, "Reason");
        builder.EntityType<WorkflowInstance>().Function("PermittedTriggers").ReturnsCollection<TriggerStatusView>();
        var fire = builder.EntityType<WorkflowInstance>().Action("Fire").ReturnsFromEntitySet<WorkflowInstance>("WorkflowInstances");
        fire.Parameter<string>("Trigger");
        OptionalText(fire, "Comment");
        return builder.GetEdmModel();
    }

    private static void AddTenderingOperations(ODataConventionModelBuilder builder)
    {
        var procurement = builder.EntityType<Procurement>();
        procurement.Function("Timetable").ReturnsCollection<StageTimetableView>();
        procurement.Collection.Function("RunningLate").ReturnsCollection<LateProcurementView>();
        procurement.Function("Ranking").ReturnsCollection<RankingView>().Parameter<string>("stage");
        var shortlist = procurement.Action("Shortlist").ReturnsFromEntitySet<Procurement>("Procurements");
        shortlist.CollectionParameter<int>("BidderIds");
        OptionalText(shortlist, "Reason");
        foreach (var name in new[] { "SetSubmissionDeadline", "ExtendDeadline" })
        {
            var deadline = procurement.Action(name).ReturnsFromEntitySet<ProcurementStageDate>("ProcurementStageDates");
            deadline.Parameter<string>("Stage");
            deadline.Parameter<DateTimeOffset>("Deadline");
            if (name == "ExtendDeadline")
                deadline.Parameter<string>("Reason");
        }

        procurement.Action("OpenSubmissions").ReturnsFromEntitySet<ProcurementStageDate>("ProcurementStageDates").Parameter<string>("Stage");
        procurement.Action("ChoosePreferredBidder").ReturnsFromEntitySet<Bidder>("Bidders").Parameter<int>("BidderId");
        var contract = procurement.Action("CreateContract").ReturnsFromEntitySet<Contract>("Contracts");
        contract.Parameter<DateOnly>("StartOn");
        contract.Parameter<DateOnly>("EndOn");
        OptionalText(contract, "ContractManager");

        var change = builder.EntityType<TenderChangeRequest>().Action("Decide").ReturnsFromEntitySet<TenderChangeRequest>("TenderChangeRequests");
        change.Parameter<bool>("Approved");
        OptionalText(change, "Reason");

        var bidder = builder.EntityType<Bidder>();
        var score = bidder.Action("ScoreSelection").ReturnsFromEntitySet<Bidder>("Bidders");
        score.Parameter<decimal>("Score");
        OptionalText(score, "Notes");
        bidder.Action("Eliminate").ReturnsFromEntitySet<Bidder>("Bidders").Parameter<string>("Reason");
        bidder.Action("Withdraw").ReturnsFromEntitySet<Bidder>("Bidders").Parameter<string>("Reason");

        var question = builder.EntityType<ClarificationQuestion>();
        question.Action("Answer").ReturnsFromEntitySet<ClarificationQuestion>("ClarificationQuestions").Parameter<string>("Answer");
        question.Action("Publish").ReturnsFromEntitySet<ClarificationQuestion>("ClarificationQuestions");
        builder.EntityType<OptionsAppraisal>().Action("Approve").ReturnsFromEntitySet<OptionsAppraisal>("OptionsAppraisals");
        builder.EntityType<OptionsAppraisal>().Function("WeightedScores").ReturnsCollection<Features.Appraisal.OptionScoreView>();
    }

    private static void AddPerformanceOperations(ODataConventionModelBuilder builder)
    {
        var measurement = builder.EntityType<Measurement>();
        var correct = measurement.Action("Correct").ReturnsFromEntitySet<Measurement>("Measurements");
        correct.Parameter<decimal>("Value");
        OptionalText(correct, "Note");
        measurement.Action("Verify").ReturnsFromEntitySet<Measurement>("Measurements");
        var dispute = measurement.Action("Dispute").ReturnsFromEntitySet<Measurement>("Measurements");
        dispute.Parameter<string>("Reason");
        dispute.Parameter<decimal?>("ContractManagerValue").Optional();
        measurement.Action("RejectCorrection").ReturnsFromEntitySet<Measurement>("Measurements").Parameter<string>("Reason");
        var revise = builder.EntityType<Indicator>().Action("Revise").ReturnsFromEntitySet<IndicatorVersion>("IndicatorVersions");
        revise.Parameter<decimal>("Target");
        revise.Parameter<decimal>("RedThreshold");
        revise.Parameter<decimal>("Weight");
        revise.Parameter<Direction?>("Direction").Optional();
        revise.Parameter<DateOnly>("EffectiveFrom");
        revise.Parameter<string>("Reason");
        builder.EntityType<RemediationAction>().Action("Complete").ReturnsFromEntitySet<RemediationAction>("RemediationActions");
        builder.EntityType<ExemptionMarking>().Action("Unmark").ReturnsFromEntitySet<ExemptionMarking>("ExemptionMarkings").Parameter<string>("Reason");
        builder.EntityType<PerformanceNotice>().Action("Publish").ReturnsFromEntitySet<PerformanceNotice>("PerformanceNotices");
        var notice = builder.EntityType<Domain.Notices.Notice>();
        notice.Action("Draft").ReturnsFromEntitySet<Domain.Notices.Notice>("Notices");
        notice.Action("Publish").ReturnsFromEntitySet<Domain.Notices.NoticeVersion>("NoticeVersions").Parameter<string>("ExternalReference");
        var correctNotice = notice.Action("Correct").ReturnsFromEntitySet<Domain.Notices.NoticeVersion>("NoticeVersions");
        correctNotice.Parameter<string>("Reason");
        correctNotice.Parameter<string>("ExternalReference");
        var contract = builder.EntityType<Contract>();
        contract.Function("KpiRatings").ReturnsCollection<KpiPeriodView>();
        var exemption = contract.Action("RecordS52Exemption").ReturnsFromEntitySet<Contract>("Contracts");
        exemption.Parameter<S52Exemption>("Exemption");
        OptionalText(exemption, "Reason");
        var novate = contract.Action("Novate").ReturnsFromEntitySet<Contract>("Contracts");
        novate.Parameter<int>("SupplierId");
        novate.Parameter<string>("Reason");
        var modify = contract.Action("Modify").ReturnsFromEntitySet<ContractModification>("ContractModifications");
        modify.Parameter<string>("Reason");
        modify.Parameter<DateOnly?>("EndOn").Optional();
        foreach (var money in new[] { "TotalValue", "AnnualValue", "Vat" })
            modify.Parameter<decimal?>(money).Optional();
        contract.Function("Ratings").ReturnsCollection<PeriodRatingView>();
        contract.Function("AnnualAssessment").Returns<AnnualAssessmentView>().Parameter<int>("year");
        contract.Function("ServiceCredits").ReturnsCollection<ServiceCreditView>();
        contract.Action("Activate").ReturnsFromEntitySet<Contract>("Contracts");
        contract.Action("EnterRemediation").ReturnsFromEntitySet<Contract>("Contracts").Parameter<string>("Reason");
        contract.Action("Terminate").ReturnsFromEntitySet<Contract>("Contracts").Parameter<string>("Reason");
        builder.EntityType<Supplier>().Collection.Function("Dependency").ReturnsCollection<SupplierDependencyView>();
    }

    /// <summary>An optional text parameter that may also be sent as null.</summary>
    private static void OptionalText(ActionConfiguration action, string name)
    {
        var parameter = action.Parameter<string>(name);
        parameter.Nullable = true;
        parameter.Optional();
    }
}

/// <summary>The result of re-walking the audit chain.</summary>
public sealed class AuditVerification
{
    public bool Intact { get; set; }

    public long EntriesChecked { get; set; }

    public long? FirstBrokenEntryId { get; set; }

    public long? FirstBrokenSequence { get; set; }

    public string? Reason { get; set; }

    /// <summary>How many signed checkpoints outside the database the chain was held to.</summary>
    public int CheckpointsChecked { get; set; }

    public DateTimeOffset? LastCheckpointAt { get; set; }
}
