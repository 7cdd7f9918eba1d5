using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Features.Performance;

internal sealed class SlipObservationConfiguration : IEntityTypeConfiguration<SlipObservation>
{
    public void Configure(EntityTypeBuilder<SlipObservation> builder)
    {
        builder.HasOne<Escalation>().WithMany().HasForeignKey(s => s.EscalationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Indicator).WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.IndicatorId, s.PeriodStart, s.Cause }).IsUnique();
    }
}
