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

    public static readonly IReadOnlyDictionary<string, Rule> EntitySets = new Dictionary<string, Rule>
    {
        ["Departments"] = new(Everyone, [Roles.Administrator]),
        // A supplier sees its own row only (object-level scope in the controller).
        ["Suppliers"] = new(Everyone, [Roles.Administrator, Roles.ProcurementOfficer, Roles.ContractManager]),
        ["Procurements"] = new(Council, [Roles.ProcurementOfficer]),
        // Who is bidding is commercially confidential before award: the procurement team, and each supplier its own.
        ["Bidders"] = new([Roles.ProcurementOfficer, Roles.Administrator, Roles.Supplier], [Roles.ProcurementOfficer]),
        ["Contracts"] = new(Everyone, [Roles.ContractManager]),
        ["InternalSlas"] = new(Council, [Roles.SlaOwner]),
        ["Indicators"] = new(Everyone, [Roles.ContractManager, Roles.SlaOwner]),
        ["Measurements"] = new(Everyone, [Roles.ContractManager, Roles.SlaOwner, Roles.Supplier]),
        ["Committees"] = new(Council, [Roles.DemocraticServicesOfficer]),
        ["Members"] = new(Council, [Roles.DemocraticServicesOfficer]),
        ["Meetings"] = new(Council, [Roles.DemocraticServicesOfficer]),
        ["SignOffRequests"] = new(Council, [Roles.ProcurementOfficer, Roles.ContractManager, Roles.DemocraticServicesOfficer]),
        ["Escalations"] = new(Council, [Roles.ContractManager]),
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
