using Governance.Domain.Appraisal;
using Governance.Domain.Contracts;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;

namespace Governance.Api.Data.Seeding;

// Tender and appraisal records of a seeded procurement, referring to its bidders by supplier name.

public sealed record TenderSeed
{
    public string Procurement { get; init; } = "";
    public DateOnly? ParticipationDeadline { get; init; }
    public List<TeamSeed> Team { get; init; } = [];
    public List<StageSeed> Stages { get; init; } = [];
    public List<BudgetSeed> BudgetLines { get; init; } = [];
    public List<LotSeed> Lots { get; init; } = [];
    public List<RaidSeed> Raid { get; init; } = [];
    public List<RequirementSeed> Requirements { get; init; } = [];
    public List<CriterionSeed> Criteria { get; init; } = [];
    public List<KpiSeed> ProposedKpis { get; init; } = [];
    public List<SessionSeed> DialogueSessions { get; init; } = [];
    public List<ClarificationSeed> Clarifications { get; init; } = [];
    public List<SubmissionSeed> Submissions { get; init; } = [];
    public List<ScoreSeed> Scores { get; init; } = [];
    public List<ScoreSeed> ModeratedScores { get; init; } = [];
    public AppraisalSeed? Appraisal { get; init; }
}

public sealed record TeamSeed(string UserName, TeamRole Role);

public sealed record StageSeed(ProcurementStage Stage, DateOnly? PlannedOn, DateOnly? ActualOn, DateTime? SubmissionDeadline, DateTime? OpenedAt = null, string? OpenedBy = null);

public sealed record BudgetSeed(string Name, decimal Approved, decimal Spent, string? ApprovedBy);

public sealed record LotSeed(string Name, string? Description);

public sealed record RaidSeed(RaidKind Kind, string Title, string? Description, string Owner, RaidRating Rating, string? Mitigation, string? OtherProgramme);

public sealed record RequirementSeed(string Title, string Content, DateTime CreatedAt);

public sealed record CriterionSeed(ProcurementStage Stage, string Name, CriterionKind Kind, decimal Weight, DateTime RecordedAt);

public sealed record KpiSeed(string Code, string Name, string Unit, Direction Direction, decimal Target, decimal AmberThreshold, decimal RedThreshold);

public sealed record SessionSeed(string Bidder, DateOnly HeldOn, string Attendees, string Minutes, string? Actions);

public sealed record ClarificationSeed(string Bidder, string Question, string? Answer, DateTime AskedAt, DateTime? PublishedAt);

public sealed record SubmissionSeed(string Bidder, ProcurementStage Stage, string Title, string Document, decimal Price, DateTime SubmittedAt);

/// <summary>A score by criterion name; Evaluator is the scorer (or the moderator for moderated scores).</summary>
public sealed record ScoreSeed(string Bidder, string Criterion, decimal Value, string Justification, string Evaluator);

public sealed record AppraisalSeed(
    string Title, string? Summary, AppraisalStatus Status, string? Preferred, string? ApprovedBy, DateTime? ApprovedAt,
    List<AppraisalOptionSeed> Options, List<AppraisalCriterionSeed> Criteria, List<OptionScoreSeed> Scores, List<SavingsSeed> Savings, List<AppraisalRiskSeed> Risks,
    string? PreferenceRationale = null);

public sealed record AppraisalOptionSeed(string Name, OptionKind Kind, string? Description, decimal WholeLifeCost, bool IsInHouseComparator);

public sealed record AppraisalCriterionSeed(string Name, decimal Weight);

public sealed record OptionScoreSeed(string Option, string Criterion, decimal Value, string Rationale);

public sealed record SavingsSeed(string? Option, string Description, decimal AnnualAmount, string Method, string Assumptions, string Evidence);

public sealed record AppraisalRiskSeed(string? Option, string Description, RaidRating Rating, string? Mitigation);
