using System.Text.Json.Serialization;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;

namespace Governance.Api.Data.Seeding;

// The shape of the files in seed/. Records refer to each other by natural keys (codes, references, names),
// which the loader resolves; an unresolved key stops the load with the file and the key named.

public sealed record SeedFile
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public List<DepartmentSeed> Departments { get; init; } = [];
    public List<SupplierSeed> Suppliers { get; init; } = [];
    public List<AccountSeed> Accounts { get; init; } = [];
    public List<ProcurementSeed> Procurements { get; init; } = [];
    public List<ContractSeed> Contracts { get; init; } = [];
    public List<InternalSlaSeed> InternalSlas { get; init; } = [];
    public List<CommitteeSeed> Committees { get; init; } = [];
    public List<SignOffSeed> SignOffRequests { get; init; } = [];
    public List<EscalationSeed> Escalations { get; init; } = [];
    public List<TenderSeed> Tenders { get; init; } = [];
    public List<AgendaSeed> AgendaItems { get; init; } = [];
    public List<ForwardPlanSeed> ForwardPlan { get; init; } = [];
    public List<ConsultationSeed> Consultations { get; init; } = [];
    public List<NoticeSeed> Notices { get; init; } = [];
}

/// <summary>An agenda item of a committee's meeting (by committee name and start), about a procurement by reference.</summary>
public sealed record AgendaSeed(
    string Committee, DateTime MeetingStartsAt, int Number, string Title, string? Procurement, string? LeadOfficer, DateTime? PaperPublishedAt,
    List<QuestionSeed>? Questions)
{
    public string? Contract { get; init; }

    public string? Wards { get; init; }

    public string? LeadMember { get; init; }

    public string? ContactOfficer { get; init; }

    public List<string>? Recommendations { get; init; }

    public List<PaperSectionSeed>? Sections { get; init; }

    public DecisionSeed? Decision { get; init; }
}

/// <summary>The committee's decision on the item, published on a past day (history: the window is computed from it).</summary>
public sealed record DecisionSeed(string Outcome, int VotesFor, int VotesAgainst, int Abstentions, DateOnly PublishedOn);

/// <summary>An officer's narrative for one numbered section of the item's paper; exempt ones go to Part B.</summary>
public sealed record PaperSectionSeed(int Number, string? Subheading, string Body, ExemptSeed? Exempt);

public sealed record ExemptSeed(int Paragraph, string PublicInterestTest);

public sealed record QuestionSeed(string AskedBy, string Question, DateTime AskedAt, DateOnly DueOn, string? Answer, string? AnsweredBy);

public sealed record ForwardPlanSeed(string Title, string Committee, DateOnly DecisionDate, DateOnly PublishedOn, bool KeyDecision, bool PrivateItem, string? Procurement);

public sealed record ConsultationSeed(string Procurement, string Gate, string Topic, int ResponseWorkingDays, DateTime OpenedAt, DateOnly RespondBy, string? Response);

public sealed record DepartmentSeed(string Code, string Name, string? Directorate, string? HeadOfService, string? Director);

public sealed record SupplierSeed(string Name, string? CompaniesHouseNumber, bool IsSme, bool IsVcse, string? ContactEmail);

/// <param name="AccessToken">The name of a personal access token to issue with Seed:DemoAccessToken as its secret (demo only).</param>
public sealed record AccountSeed(string Email, string DisplayName, List<string> Roles, string? Supplier, string? AccessToken = null);

public sealed record BidderSeed(string Supplier, DateOnly RequestedToParticipateOn, BidderStatus Status, ProcurementStage? ExitStage = null, string? ExitReason = null);

public sealed record ProcurementSeed(
    string Reference, string Title, string? Description, string Department, string? LeadOfficer, string? LeadMember,
    ProcurementProcedure Procedure, ProcurementStage Stage, decimal EstimatedValue, DateOnly? ContractNoticeSentOn,
    List<BidderSeed>? Bidders);

/// <summary>Monthly values from a first month (yyyy-MM); a null value is a return that never came in.</summary>
public sealed record SeriesSeed(
    string From, List<decimal?> Values, MeasurementSource Source = MeasurementSource.ContractManager,
    VerificationStatus Verification = VerificationStatus.Verified);

public sealed record IndicatorSeed(
    string Code, string Name, string Unit, Direction Direction, IndicatorCategory Category, decimal Target,
    decimal RedThreshold, Frequency Frequency, decimal Weight, bool SupplierSelfReports,
    List<SeriesSeed>? Series);

public sealed record ContractSeed(
    string Reference, string Title, string? Description, string Supplier, string Department, string? Procurement,
    string? ContractManager, decimal TotalValue, decimal AnnualValue, decimal IrrecoverableVat,
    DateOnly StartOn, DateOnly EndOn, DateOnly? ReviewOn, ContractStatus Status, List<IndicatorSeed>? Indicators,
    string? ExitPlan = null, DateOnly? ExitPlanReviewedOn = null, decimal ServiceCreditPercentPerRedKpi = 0, decimal ServiceCreditCapPercent = 0,
    List<OptionSeed>? Options = null, List<ModificationSeed>? Modifications = null);

public sealed record OptionSeed(ContractOptionKind Kind, string Description, int? Months, DateOnly? NoticeBy);

/// <summary>A change of the contract's term made before it came onto the register; its values are the contract's.</summary>
public sealed record ModificationSeed(DateOnly MadeOn, string MadeBy, DateOnly EndOnBefore, string Reason);

public sealed record InternalSlaSeed(
    string Title, string Provider, string Consumer, string Author, string Monitor, string EnforcementRoute,
    DateOnly ReviewOn, List<IndicatorSeed>? Standards, string? EnforcementRungs = null);

public sealed record MemberSeed(string Name, MemberRole Role, string? Email, DateOnly TermStart, DateOnly? TermEnd);

public sealed record MeetingSeed(DateTime StartsAt, string Venue);

public sealed record CommitteeSeed(string Name, CommitteeKind Kind, List<MemberSeed>? Members, List<MeetingSeed>? Meetings);

public sealed record SignOffSeed(string Procurement, string Gate, string RequiredRole, string? Summary, string RaisedBy, DateTime RaisedAt);

public sealed record EscalationSeed(
    string Contract, string Cause, string? Summary, EscalationLevel Level, EscalationStatus Status, DateTime OpenedAt, DateTime? RespondBy,
    RemediationSeed? Remediation = null);

public sealed record RemediationSeed(string Title, string Objective, DateOnly AgreedOn, string? AgreedWith, List<RemediationActionSeed> Actions);

public sealed record RemediationActionSeed(
    string Description, string Owner, DateOnly DueOn, RemediationActionStatus Status, DateOnly? CompletedOn = null, bool OwnerIsSupplier = false,
    List<RemediationResponseSeed>? Responses = null);

public sealed record RemediationResponseSeed(string Response, string RespondedBy, DateTime RespondedAt, bool ReportsDone = false);
