using Governance.Domain.Scrutiny;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> builder)
    {
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasMany(c => c.Members).WithOne(m => m.Committee).HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Meetings).WithOne(m => m.Committee).HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }
}
