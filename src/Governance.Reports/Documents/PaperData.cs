namespace Governance.Reports.Documents;

/// <summary>
/// Everything a committee paper shows, as plain values: the API fills it from the database, a document class
/// turns it into blocks. A row carrying an <see cref="Exemption"/> is exempt information: Part A leaves it out
/// and says which Schedule 12A paragraph applies; Part B prints it.
/// </summary>
public sealed record CommitteePaperData(
    PaperHeader Header,
    IReadOnlyList<NarrativePiece> Narrative,
    ProcurementData? Procurement,
    IReadOnlyList<ContractData> Contracts,
    IReadOnlyList<EscalationData> Escalations,
    IReadOnlyList<SignOffRow> SignOffs,
    IReadOnlyList<ConsultationRow> Consultations,
    DateOnly Today)
{
    /// <summary>Set when the whole item is exempt: Part A then carries only the header and the notice.</summary>
    public Exemption? ItemExemption { get; init; }
}

/// <param name="Paragraph">Schedule 12A paragraph, 1 to 7.</param>
/// <param name="Description">The paragraph's words, which Part A quotes.</param>
/// <param name="PublicInterestTest">Why the exemption outweighs disclosure; printed in Part B only.</param>
public sealed record Exemption(int Paragraph, string Description, string PublicInterestTest);

public sealed record PaperHeader(
    string Committee, DateOnly MeetingDate, string MeetingTime, string Venue, int AgendaNumber, string Subject,
    string? Wards, string? LeadOfficer, string? LeadMember, string? ContactOfficer, IReadOnlyList<string> Recommendations);

/// <summary>An officer's narrative for a section (1 to 14), with optional subheading and light markup.</summary>
public sealed record NarrativePiece(int Section, string? Subheading, string Body, Exemption? Exempt = null);

public sealed record ProcurementData(
    string Reference, string Title, string Procedure, string Stage, decimal EstimatedValue, string? Department,
    IReadOnlyList<StageRow> Stages, IReadOnlyList<BudgetRow> Budget, AppraisalData? Appraisal, IReadOnlyList<RaidRow> Raid);

public sealed record StageRow(string Stage, DateOnly? Planned, DateOnly? Actual, int? SlippageDays);

public sealed record BudgetRow(string Name, string? ApprovedBy, decimal Approved, decimal Spent, Exemption? Exempt = null);

/// <param name="PreferenceRationale">Why the preferred option was chosen over one that scored higher; null when it scored highest.</param>
public sealed record AppraisalData(
    string Title, string Status, string? Summary, IReadOnlyList<(string Name, decimal Weight)> Criteria,
    IReadOnlyList<OptionRow> Options, IReadOnlyList<SavingsRow> Savings, string? PreferenceRationale = null);

/// <param name="Scores">Per criterion in the order of <see cref="AppraisalData.Criteria"/>; null where not scored.</param>
public sealed record OptionRow(
    string Name, string Kind, bool InHouseComparator, bool Preferred, decimal WholeLifeCost, IReadOnlyList<decimal?> Scores,
    decimal WeightedScore, Exemption? Exempt = null);

public sealed record SavingsRow(string Description, string? Option, decimal AnnualAmount, string Method, string Assumptions, string Evidence, Exemption? Exempt = null);

public sealed record RaidRow(string Kind, string Title, string Owner, string Rating, string? Mitigation, bool Closed, Exemption? Exempt = null);

public sealed record ContractData(
    string Reference, string Title, string Supplier, decimal AnnualValue, DateOnly StartOn, DateOnly EndOn, string Status,
    IReadOnlyList<KpiData> Kpis, AssessmentData? Assessment);

public sealed record KpiData(
    string Code, string Name, string Unit, bool HigherIsBetter, decimal Target, decimal RedThreshold,
    IReadOnlyList<KpiPoint> History, Exemption? Exempt = null);

public sealed record KpiPoint(DateOnly Period, decimal Value, Domain.Performance.Rag Rag, string Verification);

/// <summary>The annual assessment behind a UK9 contract performance notice (Procurement Act 2023 s.71).</summary>
public sealed record AssessmentData(
    int Year, string Rating, decimal AverageScore, int PeriodsAssessed, int PeriodsInYear, int RedPeriods, int NotReportedReturns, string Basis, string Policy,
    IReadOnlyList<AssessedPeriod> Periods, IReadOnlyList<AssessedKpi> Kpis);

public sealed record AssessedPeriod(DateOnly Period, decimal Score, Domain.Performance.Rag Rag, int KpisReported, int NotReported, int Disputed);

/// <summary>One KPI's own rating over the assessed year.</summary>
public sealed record AssessedKpi(string Code, string Name, string Rating, decimal AverageScore, int PeriodsAssessed, int RedPeriods, int NotReported);

public sealed record EscalationData(
    string Contract, string Supplier, string Cause, string Level, string Status, DateTime OpenedAt, string? Owner, string? Summary,
    DateTime? RespondBy, IReadOnlyList<ResponseRow> Responses, RemediationData? Plan);

public sealed record ResponseRow(DateTime At, string Actor, string From, string To, string? Comment);

public sealed record RemediationData(string Title, string Objective, DateOnly AgreedOn, string? AgreedWith, IReadOnlyList<(string Description, string Owner, DateOnly DueOn, string Status)> Actions);

public sealed record SignOffRow(string Gate, string Role, string Status, string RaisedBy, DateTime RaisedAt, string? DecidedBy, DateTime? DecidedAt, string? Reason);

public sealed record ConsultationRow(string Topic, DateOnly RespondBy, string? Response, string? RespondedBy, DateTime? RespondedAt);
