using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class BidderConfiguration : IEntityTypeConfiguration<Bidder>
{
    public void Configure(EntityTypeBuilder<Bidder> builder)
    {
        // No navigation to the procurement: nothing readable by the public side may lead into bid data or out of it.
        builder.HasOne<Procurement>().WithMany().HasForeignKey(b => b.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Supplier).WithMany().HasForeignKey(b => b.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.ProcurementId, b.SupplierId }).IsUnique();
    }
}
