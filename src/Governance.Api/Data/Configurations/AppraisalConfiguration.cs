using Governance.Domain.Appraisal;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class AppraisalConfiguration :
    IEntityTypeConfiguration<OptionsAppraisal>, IEntityTypeConfiguration<AppraisalOption>, IEntityTypeConfiguration<AppraisalCriterion>,
    IEntityTypeConfiguration<OptionScore>, IEntityTypeConfiguration<SavingsLine>, IEntityTypeConfiguration<AppraisalRisk>
{
    public void Configure(EntityTypeBuilder<OptionsAppraisal> builder)
    {
        builder.HasOne<Procurement>().WithMany().HasForeignKey(a => a.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppraisalOption>().WithMany().HasForeignKey(a => a.PreferredOptionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AppraisalOption> builder) => Part(builder, o => o.OptionsAppraisalId);

    public void Configure(EntityTypeBuilder<AppraisalCriterion> builder) => Part(builder, c => c.OptionsAppraisalId);

    public void Configure(EntityTypeBuilder<OptionScore> builder)
    {
        Part(builder, s => s.OptionsAppraisalId);
        builder.HasOne<AppraisalOption>().WithMany().HasForeignKey(s => s.AppraisalOptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppraisalCriterion>().WithMany().HasForeignKey(s => s.AppraisalCriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.AppraisalOptionId, s.AppraisalCriterionId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SavingsLine> builder)
    {
        Part(builder, s => s.OptionsAppraisalId);
        builder.HasOne<AppraisalOption>().WithMany().HasForeignKey(s => s.AppraisalOptionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AppraisalRisk> builder)
    {
        Part(builder, r => r.OptionsAppraisalId);
        builder.HasOne<AppraisalOption>().WithMany().HasForeignKey(r => r.AppraisalOptionId).OnDelete(DeleteBehavior.Restrict);
    }

    private static void Part<T>(EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, object?>> appraisalId)
        where T : class =>
        builder.HasOne<OptionsAppraisal>().WithMany().HasForeignKey(appraisalId!).OnDelete(DeleteBehavior.Restrict);
}
