using Governance.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasMany(s => s.Contracts).WithOne(c => c.Supplier).HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}
