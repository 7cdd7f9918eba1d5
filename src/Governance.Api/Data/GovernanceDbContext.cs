using Governance.Api.Data.Audit;
using Governance.Api.Features.Notifications;
using Governance.Api.Features.Workflows;
using Governance.Domain.Appraisal;
using Governance.Domain.Audit;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Governance.Domain.Documents;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using Governance.Domain.Organisation;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data;

/// <summary>
/// The one model of every area. Each database provider has a derived context (see Providers/) that owns its
/// migrations; features depend on this type only.
/// </summary>
public abstract class GovernanceDbContext(DbContextOptions options) : IdentityDbContext<GovernanceUser>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    private readonly ContextServices services = options.FindExtension<ContextServices>()
        ?? throw new InvalidOperationException("A GovernanceDbContext needs its ContextServices in its options (see DataRegistration).");

    // Read by the exemption query filter, per context instance (see ExemptionFilter).
    internal bool ExemptRestricted => services.Viewer.Restricted;
    internal bool ExemptNeverSees => services.Viewer.NeverSees;
    internal string ExemptViewer => services.Viewer.Name;
    internal DateOnly ExemptToday => services.Viewer.Today;

    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Procurement> Procurements => Set<Procurement>();
    public DbSet<Bidder> Bidders => Set<Bidder>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<InternalSla> InternalSlas => Set<InternalSla>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<SignOffRequest> SignOffRequests => Set<SignOffRequest>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Governance.Domain.Access.PersonalAccessToken> PersonalAccessTokens => Set<Governance.Domain.Access.PersonalAccessToken>();
    public DbSet<ProcurementTeamMember> ProcurementTeamMembers => Set<ProcurementTeamMember>();
    public DbSet<ProcurementStageDate> ProcurementStageDates => Set<ProcurementStageDate>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Lot> Lots => Set<Lot>();
    public DbSet<RaidItem> RaidItems => Set<RaidItem>();
    public DbSet<RequirementDocument> RequirementDocuments => Set<RequirementDocument>();
    public DbSet<ProposedKpi> ProposedKpis => Set<ProposedKpi>();
    public DbSet<EvaluationCriterion> EvaluationCriteria => Set<EvaluationCriterion>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Score> Scores => Set<Score>();
    public DbSet<ModeratedScore> ModeratedScores => Set<ModeratedScore>();
    public DbSet<ConflictDeclaration> ConflictDeclarations => Set<ConflictDeclaration>();

    public DbSet<TenderChangeRequest> TenderChangeRequests => Set<TenderChangeRequest>();
    public DbSet<DialogueSession> DialogueSessions => Set<DialogueSession>();
    public DbSet<ClarificationQuestion> ClarificationQuestions => Set<ClarificationQuestion>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<SolutionDisclosure> SolutionDisclosures => Set<SolutionDisclosure>();
    public DbSet<AwardLetter> AwardLetters => Set<AwardLetter>();
    public DbSet<OptionsAppraisal> OptionsAppraisals => Set<OptionsAppraisal>();
    public DbSet<AppraisalOption> AppraisalOptions => Set<AppraisalOption>();
    public DbSet<AppraisalCriterion> AppraisalCriteria => Set<AppraisalCriterion>();
    public DbSet<OptionScore> OptionScores => Set<OptionScore>();
    public DbSet<SavingsLine> SavingsLines => Set<SavingsLine>();
    public DbSet<AppraisalRisk> AppraisalRisks => Set<AppraisalRisk>();
    public DbSet<SlipObservation> SlipObservations => Set<SlipObservation>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<ExemptionMarking> ExemptionMarkings => Set<ExemptionMarking>();
    public DbSet<SignOffDecision> SignOffDecisions => Set<SignOffDecision>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<ForwardPlanEntry> ForwardPlanEntries => Set<ForwardPlanEntry>();
    public DbSet<ScrutinyQuestion> ScrutinyQuestions => Set<ScrutinyQuestion>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ContractOption> ContractOptions => Set<ContractOption>();

    public DbSet<ContractModification> ContractModifications => Set<ContractModification>();
    public DbSet<RemediationPlan> RemediationPlans => Set<RemediationPlan>();
    public DbSet<RemediationAction> RemediationActions => Set<RemediationAction>();

    public DbSet<RemediationActionResponse> RemediationActionResponses => Set<RemediationActionResponse>();

    public DbSet<Domain.Documents.Attachment> Attachments => Set<Domain.Documents.Attachment>();

    public DbSet<Domain.Documents.AttachmentContent> AttachmentContents => Set<Domain.Documents.AttachmentContent>();

    public DbSet<IndicatorVersion> IndicatorVersions => Set<IndicatorVersion>();

    public DbSet<PerformanceAssessment> PerformanceAssessments => Set<PerformanceAssessment>();

    public DbSet<PerformanceNotice> PerformanceNotices => Set<PerformanceNotice>();

    public DbSet<Domain.Notices.Notice> Notices => Set<Domain.Notices.Notice>();

    public DbSet<Domain.Notices.NoticeVersion> NoticeVersions => Set<Domain.Notices.NoticeVersion>();

    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();
    public DbSet<WorkflowTransition> WorkflowTransitions => Set<WorkflowTransition>();
    public DbSet<WorkflowTimer> WorkflowTimers => Set<WorkflowTimer>();
    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Features.Idempotency.IdempotentRequest> IdempotentRequests => Set<Features.Idempotency.IdempotentRequest>();

    public DbSet<Jobs.RecurringRun> RecurringRuns => Set<Jobs.RecurringRun>();

    /// <summary>Data-protection keys when DataProtection:Store is Database, shared by every host of the council.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    public DbSet<PaperSection> PaperSections => Set<PaperSection>();
    public DbSet<PublishedDocument> PublishedDocuments => Set<PublishedDocument>();
    public DbSet<PublishedDocumentContent> PublishedDocumentContents => Set<PublishedDocumentContent>();
    public DbSet<DocumentJob> DocumentJobs => Set<DocumentJob>();
    internal DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GovernanceDbContext).Assembly);
        ModelConventions.Apply(builder);
        Features.Search.SearchIndex.Configure(builder, this);
        ExemptionFilter.Apply(builder, this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so that the database reads like the domain and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(48);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>
    /// Bulk generation only (<see cref="Generation.DataGenerator"/>): inserts without an audit entry per row. The
    /// generator records its run once through the audited path.
    /// </summary>
    internal Task<int> SaveChangesWithoutRowAuditAsync(CancellationToken ct) => base.SaveChangesAsync(true, ct);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Modified)
                entry.Entity.Revision++;
        }

        return services.Audit.SaveWithAuditAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
    }
}
