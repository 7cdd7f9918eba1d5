using Governance.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class GovernanceUserConfiguration : IEntityTypeConfiguration<GovernanceUser>
{
    public void Configure(EntityTypeBuilder<GovernanceUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.DisabledBy).HasMaxLength(256);
        builder.Property(u => u.DisabledReason).HasMaxLength(500);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(u => u.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}
