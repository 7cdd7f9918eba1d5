namespace Governance.Api.Auth;

/// <summary>
/// Which roles may read and which may write each entity set. One table, so that a reviewer sees the whole
/// access model at once; an entity set missing here is closed to everyone.
/// </summary>
public static class AccessRules
{
    public sealed record Rule(IReadOnlyList<string> Read, IReadOnlyList<string> Write);

    private static readonly string[] Everyone = [.. Roles.All];
    private static readonly string[] Council = [.. Roles.Council];

    /// <summary>Staff who can sit on a procurement team; what each reads is narrowed to their teams' procurements.</summary>
    private static readonly string[] TeamStaff = [Roles.ProcurementOfficer, Roles.ContractManager, Roles.SlaOwner, Roles.StatutoryOfficer];

    private static readonly string[] TeamStaffAndBidders = [.. TeamStaff, Roles.Supplier];

    private static readonly string[] CouncilAndBidders = [.. Roles.Council, Roles.Supplier];

    public static readonly IReadOnlyDictionary<string, Rule> EntitySets = new Dictionary<string, Rule>
    {
        ["Departments"] = new(Everyone, [Roles.Administrator]),
        // A supplier sees its own row only (object-level scope in the controller).
        ["Suppliers"] = new(Everyone, [Roles.Administrator, Roles.ProcurementOfficer, Roles.ContractManager]),
        // An advertised procurement is public; a bidder reads its own procurements and their timetables.
        ["Procurements"] = new(CouncilAndBidders, [Roles.ProcurementOfficer]),
        // Who is bidding is commercially confidential before award: the procurement team, and each supplier its own.
        ["Bidders"] = new(TeamStaffAndBidders, TeamStaffAndBidders),
        // A procurement's open records: council roles read them; its team changes them.
        ["ProcurementTeamMembers"] = new(Council, TeamStaff),
        ["ProcurementStageDates"] = new(CouncilAndBidders, TeamStaff),
        ["BudgetLines"] = new(Council, TeamStaff),
        ["RaidItems"] = new(Council, TeamStaff),
        ["OptionsAppraisals"] = new(Council, TeamStaff),
        ["AppraisalOptions"] = new(Council, TeamStaff),
        ["AppraisalCriteria"] = new(Council, TeamStaff),
        ["OptionScores"] = new(Council, TeamStaff),
        ["SavingsLines"] = new(Council, TeamStaff),
        ["AppraisalRisks"] = new(Council, TeamStaff),
        // Tender documents bidders also read (their own procurements only).
        ["Lots"] = new(CouncilAndBidders, TeamStaff),
        ["ProposedKpis"] = new(CouncilAndBidders, TeamStaff),
        ["EvaluationCriteria"] = new(CouncilAndBidders, TeamStaff),
        ["RequirementDocuments"] = new(CouncilAndBidders, TeamStaff),
        ["PublishedClarifications"] = new(CouncilAndBidders, []),
        // Commercially confidential: the procurement's team only, and each bidder its own. Never councillors or unions.
        ["Submissions"] = new(TeamStaffAndBidders, [Roles.Supplier]),
        ["Scores"] = new(TeamStaff, TeamStaff),
        ["ModeratedScores"] = new(TeamStaff, TeamStaff),
        ["ConflictDeclarations"] = new(TeamStaff, TeamStaff),
        ["TenderChangeRequests"] = new(TeamStaffAndBidders, TeamStaff),
        ["DialogueSessions"] = new(TeamStaffAndBidders, TeamStaff),
        ["ClarificationQuestions"] = new(TeamStaffAndBidders, TeamStaffAndBidders),
        ["ConsentRecords"] = new(TeamStaffAndBidders, [Roles.Supplier]),
        ["SolutionDisclosures"] = new(TeamStaff, TeamStaff),
        ["AwardLetters"] = new(TeamStaffAndBidders, []),
        ["Contracts"] = new(Everyone, [Roles.ContractManager]),
        ["InternalSlas"] = new(Council, [Roles.SlaOwner]),
        ["Indicators"] = new(Everyone, [Roles.ContractManager, Roles.SlaOwner]),
        ["Measurements"] = new(Everyone, [Roles.ContractManager, Roles.SlaOwner, Roles.Supplier]),
        ["Committees"] = new(Council, [Roles.DemocraticServicesOfficer]),
        ["Members"] = new(Council, [Roles.DemocraticServicesOfficer]),
        ["Meetings"] = new(Council, [Roles.DemocraticServicesOfficer]),
        ["AgendaItems"] = new(Council, [Roles.DemocraticServicesOfficer]),
        // Which records are exempt, and under which paragraph, is itself public (Part A says so); the records are not.
        // What is exempt is the proper officer's decision: democratic services or the monitoring officer.
        ["ExemptionMarkings"] = new(Council, [Roles.DemocraticServicesOfficer, Roles.StatutoryOfficer]),
        ["SignOffDecisions"] = new(Council, []),
        // Committee papers: officers write the narrative; published PDFs are read-only versions (Part B hidden by its marking).
        ["PaperSections"] = new(Council, [Roles.DemocraticServicesOfficer, Roles.ProcurementOfficer, Roles.ContractManager]),
        ["PublishedDocuments"] = new(Council, []),
        ["DocumentJobs"] = new([Roles.Administrator, Roles.DemocraticServicesOfficer], []),
        ["Decisions"] = new(Council, [Roles.DemocraticServicesOfficer]),
        ["ForwardPlanEntries"] = new(Council, [Roles.DemocraticServicesOfficer]),
        ["ScrutinyQuestions"] = new(Council, [Roles.Councillor, Roles.UnionRepresentative]),
        ["Consultations"] = new(Council, [Roles.ProcurementOfficer, Roles.ContractManager, Roles.DemocraticServicesOfficer]),
        ["SignOffRequests"] = new(Council, [Roles.ProcurementOfficer, Roles.ContractManager, Roles.DemocraticServicesOfficer]),
        // A supplier reads the escalations of its own contracts, their plans and actions, and reports on the actions it owns.
        ["Escalations"] = new(CouncilAndBidders, [Roles.ContractManager]),
        ["SlipObservations"] = new(Council, []),
        ["ContractOptions"] = new(Everyone, [Roles.ContractManager]),
        // A contract's changes of term and money, made by Contracts(n)/Governance.Modify only.
        ["ContractModifications"] = new(Council, []),
        // A plan is recorded by whoever holds the rung that agreed it.
        ["RemediationPlans"] = new(CouncilAndBidders, [Roles.ContractManager, Roles.SlaOwner, Roles.HeadOfService, Roles.Director]),
        ["RemediationActions"] = new(CouncilAndBidders, [Roles.ContractManager, Roles.SlaOwner, Roles.HeadOfService, Roles.Director]),
        ["RemediationActionResponses"] = new(CouncilAndBidders, [Roles.Supplier]),
        ["IndicatorVersions"] = new(Council, []),
        ["PerformanceAssessments"] = new(Everyone, []),
        ["PerformanceNotices"] = new(Council, [Roles.ContractManager]),
        // Statutory notices: published ones are public; before publication the team, contract managers and statutory officers (NoticeDesk.Readable).
        ["Notices"] = new(Council, [Roles.ProcurementOfficer, Roles.ContractManager, Roles.StatutoryOfficer]),
        ["NoticeVersions"] = new(Council, []),
        ["AuditEntries"] = new([Roles.Administrator, Roles.StatutoryOfficer], []),
        // Workflows move only through Fire, whose roles each definition's transitions name.
        ["WorkflowDefinitions"] = new(Council, []),
        ["WorkflowInstances"] = new(Council, []),
        ["WorkflowTransitions"] = new(Council, []),
        ["WorkflowTimers"] = new(Council, []),
        // Everyone reads their own notifications only (object-level scope in the controller).
        ["Notifications"] = new(Everyone, []),
    };

    public static bool CanRead(string entitySet, Func<string, bool> isInRole) =>
        EntitySets.TryGetValue(entitySet, out var rule) && rule.Read.Any(isInRole);

    public static bool CanWrite(string entitySet, Func<string, bool> isInRole) =>
        EntitySets.TryGetValue(entitySet, out var rule) && rule.Write.Any(isInRole);
}
