using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Features.Performance;

/// <summary>
/// The contract (and escalation) each assessment and notice is about: declared so that the database keeps them
/// consistent and the exemption filter hides them with the contract they belong to.
/// </summary>
internal sealed class PerformanceRecordsConfiguration : IEntityTypeConfiguration<PerformanceAssessment>, IEntityTypeConfiguration<PerformanceNotice>
{
    public void Configure(EntityTypeBuilder<PerformanceAssessment> builder) =>
        builder.HasOne<Contract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<PerformanceNotice> builder)
    {
        builder.HasOne<Contract>().WithMany().HasForeignKey(n => n.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Escalation>().WithMany().HasForeignKey(n => n.EscalationId).OnDelete(DeleteBehavior.Restrict);
    }
}
