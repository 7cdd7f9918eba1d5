using Governance.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class InternalSlaConfiguration : IEntityTypeConfiguration<InternalSla>
{
    public void Configure(EntityTypeBuilder<InternalSla> builder)
    {
        builder.HasOne(s => s.ProviderDepartment).WithMany().HasForeignKey(s => s.ProviderDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.ConsumerDepartment).WithMany().HasForeignKey(s => s.ConsumerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Standards).WithOne(i => i.InternalSla).HasForeignKey(i => i.InternalSlaId).OnDelete(DeleteBehavior.Restrict);
    }
}
