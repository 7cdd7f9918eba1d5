using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Escalations;
using Governance.Domain.Organisation;

namespace Governance.Domain.Contracts;

/// <summary>
/// A service level agreement between two council departments. Each has a named author, a named monitor and
/// an enforcement route, because an SLA nobody owns is an SLA nobody enforces.
/// </summary>
public class InternalSla : ArchivableEntity, ICheckedValues
{
    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    public int ProviderDepartmentId { get; set; }

    public Department? ProviderDepartment { get; set; }

    public int ConsumerDepartmentId { get; set; }

    public Department? ConsumerDepartment { get; set; }

    [Required, MaxLength(200)]
    public string Author { get; set; } = "";

    [Required, MaxLength(200)]
    public string Monitor { get; set; } = "";

    [Required, MaxLength(1000)]
    public string EnforcementRoute { get; set; } = "";

    /// <summary>
    /// The rungs of the enforcement route in order, as the written route names them, e.g. "Monitor, Director,
    /// CorporateManagementTeam": a breach climbs only these rungs.
    /// </summary>
    [Required, MaxLength(200)]
    public string EnforcementRungs { get; set; } = DefaultRungs;

    public const string DefaultRungs = "Monitor, HeadOfService, Director, CorporateManagementTeam";

    private static readonly EscalationLevel[] RouteOrder =
        [EscalationLevel.Monitor, EscalationLevel.HeadOfService, EscalationLevel.Director, EscalationLevel.CorporateManagementTeam];

    public IReadOnlyList<EscalationLevel> Rungs() =>
        [.. EnforcementRungs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => Enum.TryParse<EscalationLevel>(r, out var l) ? l : (EscalationLevel)(-1))];

    /// <summary>Whether a breach stops at this rung of the route.</summary>
    public bool RouteIncludes(EscalationLevel level) => Rungs().Contains(level);

    public DateOnly ReviewOn { get; set; }

    public void CheckValues()
    {
        var rungs = Rungs();
        if (rungs.Count == 0 || rungs[0] != EscalationLevel.Monitor || rungs.Any(r => !RouteOrder.Contains(r))
            || !rungs.Select(r => Array.IndexOf(RouteOrder, r)).Zip(rungs.Skip(1).Select(r => Array.IndexOf(RouteOrder, r))).All(p => p.First < p.Second))
        {
            throw new BusinessRuleException("sla-route-rungs",
                $"EnforcementRungs lists the route's rungs in order, starting with Monitor, from: {string.Join(", ", RouteOrder)}.", isInvalidInput: true);
        }

        if (ProviderDepartmentId == ConsumerDepartmentId)
            throw new BusinessRuleException("sla-two-departments", "An internal SLA is between two different departments.", isInvalidInput: true);
    }

    public ICollection<Indicator> Standards { get; } = [];
}
