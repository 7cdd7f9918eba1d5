using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;
using Governance.Domain.Contracts;

namespace Governance.Domain.Organisation;

/// <summary>An organisation that bids for or holds council contracts.</summary>
public class Supplier : ArchivableEntity
{
    [Required, MaxLength(200)]
    public string Name { get; set; } = "";

    /// <summary>Companies House registration number (Transparency Code field).</summary>
    [MaxLength(16)]
    public string? CompaniesHouseNumber { get; set; }

    public bool IsSme { get; set; }

    /// <summary>Voluntary, community or social enterprise (Transparency Code field).</summary>
    public bool IsVcse { get; set; }

    [MaxLength(200)]
    public string? ContactEmail { get; set; }

    public ICollection<Contract> Contracts { get; } = [];
}
