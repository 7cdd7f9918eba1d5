using Governance.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasIndex(i => new { i.ContractId, i.Code });
        builder.HasIndex(i => new { i.InternalSlaId, i.Code });
        builder.HasMany(i => i.Measurements).WithOne(m => m.Indicator).HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Indicators_OneOwner",
            "(\"ContractId\" IS NULL AND \"InternalSlaId\" IS NOT NULL) OR (\"ContractId\" IS NOT NULL AND \"InternalSlaId\" IS NULL)"));
    }
}
