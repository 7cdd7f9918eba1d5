using Governance.Domain.Contracts;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasIndex(c => c.Status);
        builder.HasOne(c => c.Department).WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Procurement>().WithMany().HasForeignKey(c => c.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Indicators).WithOne(i => i.Contract).HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Restrict);
    }
}
