using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.HasOne<Contract>().WithMany().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InternalSla>().WithMany().HasForeignKey(e => e.InternalSlaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ContractId, e.Cause, e.Status });
    }
}
