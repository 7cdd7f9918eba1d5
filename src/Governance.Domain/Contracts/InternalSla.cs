using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Contracts;

/// <summary>
/// A service level agreement between two council departments. Each has a named author, a named monitor and
/// an enforcement route, because an SLA nobody owns is an SLA nobody enforces.
/// </summary>
public class InternalSla : ArchivableEntity
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

    public DateOnly ReviewOn { get; set; }

    public ICollection<Indicator> Standards { get; } = [];
}
