using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Features.Contracts;

/// <summary>
/// GET /odata/ContractModifications — each change to a contract's term or money, as made by Contracts(n)/Governance.Modify.
/// Hidden with an exempt contract by the exemption filter (the foreign key makes it the contract's).
/// </summary>
public sealed class ContractModificationsController(GovernanceDbContext db) : LogEntitySetController<ContractModification>(db);

internal sealed class ContractModificationConfiguration : IEntityTypeConfiguration<ContractModification>
{
    public void Configure(EntityTypeBuilder<ContractModification> builder)
    {
        builder.HasOne(m => m.Contract).WithMany().HasForeignKey(m => m.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.ContractId);
    }
}
