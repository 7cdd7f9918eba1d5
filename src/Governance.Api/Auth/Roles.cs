namespace Governance.Api.Auth;

/// <summary>The roles of DOMAIN.md. Access is denied unless a role is named in <see cref="AccessRules"/>.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string ProcurementOfficer = nameof(ProcurementOfficer);
    public const string ContractManager = nameof(ContractManager);
    public const string Supplier = nameof(Supplier);
    public const string SlaOwner = nameof(SlaOwner);
    public const string DemocraticServicesOfficer = nameof(DemocraticServicesOfficer);
    public const string Councillor = nameof(Councillor);
    public const string UnionRepresentative = nameof(UnionRepresentative);
    public const string StatutoryOfficer = nameof(StatutoryOfficer);

    /// <summary>A department's head of service: holds the second rung of an escalation.</summary>
    public const string HeadOfService = nameof(HeadOfService);

    /// <summary>A director: holds the director rung of an escalation.</summary>
    public const string Director = nameof(Director);

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, ProcurementOfficer, ContractManager, Supplier, SlaOwner,
        DemocraticServicesOfficer, Councillor, UnionRepresentative, StatutoryOfficer, HeadOfService, Director,
    ];

    /// <summary>Every role but Supplier: council staff, members and union representatives.</summary>
    public static readonly IReadOnlyList<string> Council = [.. All.Where(r => r != Supplier)];
}
