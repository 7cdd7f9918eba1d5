using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class PerformanceConfiguration :
    IEntityTypeConfiguration<ContractOption>, IEntityTypeConfiguration<RemediationPlan>, IEntityTypeConfiguration<RemediationAction>,
    IEntityTypeConfiguration<RemediationActionResponse>
{
    public void Configure(EntityTypeBuilder<ContractOption> builder) =>
        builder.HasOne(o => o.Contract).WithMany().HasForeignKey(o => o.ContractId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<RemediationPlan> builder) =>
        builder.HasOne<Escalation>().WithMany().HasForeignKey(p => p.EscalationId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<RemediationAction> builder) =>
        builder.HasOne<RemediationPlan>().WithMany().HasForeignKey(a => a.RemediationPlanId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<RemediationActionResponse> builder) =>
        builder.HasOne<RemediationAction>().WithMany().HasForeignKey(r => r.RemediationActionId).OnDelete(DeleteBehavior.Restrict);
}
