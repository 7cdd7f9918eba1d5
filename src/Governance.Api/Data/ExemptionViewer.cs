using Governance.Api.Auth;

namespace Governance.Api.Data;

/// <summary>
/// Who is reading, as the exemption filter needs it: councillors, union representatives and suppliers are
/// restricted (officers, whose work is the exempt business, are not); union representatives and suppliers, who sit
/// on no committee, never see exempt records, and nor does a visitor who has not signed in (the public portal). Work
/// with no request at all (a job, a host command) reads every row.
/// </summary>
public sealed class ExemptionViewer(IHttpContextAccessor? accessor)
{
    private static readonly string[] Staff =
        [Roles.Administrator, Roles.ProcurementOfficer, Roles.ContractManager, Roles.SlaOwner, Roles.DemocraticServicesOfficer, Roles.StatutoryOfficer];

    public static ExemptionViewer Unrestricted { get; } = new(null);

    public bool Restricted => accessor?.HttpContext?.User is { } user
        && (user.Identity?.IsAuthenticated != true || user.IsInRole(Roles.Councillor) || user.IsInRole(Roles.UnionRepresentative) || user.IsInRole(Roles.Supplier)) && !Staff.Any(user.IsInRole);

    public bool NeverSees => accessor?.HttpContext?.User is { } user
        && (user.Identity?.IsAuthenticated != true || user.IsInRole(Roles.UnionRepresentative) || user.IsInRole(Roles.Supplier)) && !user.IsInRole(Roles.Councillor);

    public string Name => accessor?.HttpContext?.User.Identity?.Name ?? "";

    /// <summary>The London date for the request: committee membership counts only within a member's term.</summary>
    public DateOnly Today => Domain.Calendar.LondonTime.DateOf(
        (accessor?.HttpContext?.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime);
}
