using Governance.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        // One row per indicator, period and version: a period is recorded once and corrected by new versions.
        builder.HasIndex(m => new { m.IndicatorId, m.PeriodStart, m.Version }).IsUnique();
        // Every contract's returns for a period (a monthly report) seek by date; the key orders a page without a sort.
        builder.HasIndex(m => new { m.PeriodStart, m.Id });
        builder.HasOne<Measurement>().WithMany().HasForeignKey(m => m.SupersedesId).OnDelete(DeleteBehavior.Restrict);
    }
}
