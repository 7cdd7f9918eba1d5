using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

// Every record of a procurement points at it; bid records also at their bidder. Confidential records have no
// navigation from the procurement, so nothing public leads to them.

internal sealed class ProcurementTeamMemberConfiguration : IEntityTypeConfiguration<ProcurementTeamMember>
{
    public void Configure(EntityTypeBuilder<ProcurementTeamMember> builder)
    {
        builder.HasOne<Procurement>().WithMany().HasForeignKey(m => m.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ProcurementId, m.UserName }).IsUnique();
        builder.HasIndex(m => m.UserName);
    }
}

internal sealed class ProcurementStageDateConfiguration : IEntityTypeConfiguration<ProcurementStageDate>
{
    public void Configure(EntityTypeBuilder<ProcurementStageDate> builder)
    {
        builder.HasOne<Procurement>().WithMany(p => p.Stages).HasForeignKey(d => d.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ProcurementId, d.Stage }).IsUnique();
    }
}

internal sealed class ProcurementChildConfiguration :
    IEntityTypeConfiguration<BudgetLine>, IEntityTypeConfiguration<Lot>, IEntityTypeConfiguration<RaidItem>,
    IEntityTypeConfiguration<RequirementDocument>, IEntityTypeConfiguration<ProposedKpi>, IEntityTypeConfiguration<EvaluationCriterion>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder) => builder.HasOne<Procurement>().WithMany().HasForeignKey(e => e.ProcurementId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<Lot> builder) => builder.HasOne<Procurement>().WithMany().HasForeignKey(e => e.ProcurementId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<RaidItem> builder) => builder.HasOne<Procurement>().WithMany().HasForeignKey(e => e.ProcurementId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<RequirementDocument> builder)
    {
        builder.HasOne<Procurement>().WithMany().HasForeignKey(e => e.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RequirementDocument>().WithMany().HasForeignKey(e => e.SupersedesId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ProposedKpi> builder) => builder.HasOne<Procurement>().WithMany().HasForeignKey(e => e.ProcurementId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<EvaluationCriterion> builder)
    {
        builder.HasOne<Procurement>().WithMany().HasForeignKey(e => e.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ProcurementId, e.Stage });
    }
}

internal sealed class BidRecordConfiguration :
    IEntityTypeConfiguration<Submission>, IEntityTypeConfiguration<Score>, IEntityTypeConfiguration<ModeratedScore>,
    IEntityTypeConfiguration<ConflictDeclaration>, IEntityTypeConfiguration<DialogueSession>, IEntityTypeConfiguration<ClarificationQuestion>,
    IEntityTypeConfiguration<ConsentRecord>, IEntityTypeConfiguration<SolutionDisclosure>, IEntityTypeConfiguration<AwardLetter>,
    IEntityTypeConfiguration<TenderChangeRequest>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        BidRecord(builder);
        builder.HasIndex(s => new { s.BidderId, s.Stage, s.Version }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Score> builder)
    {
        BidRecord(builder);
        builder.HasOne<EvaluationCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
        // One live score each: two versions of the same number cannot be saved, even by two requests at once.
        builder.HasIndex(s => new { s.BidderId, s.CriterionId, s.Evaluator, s.Version }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ModeratedScore> builder)
    {
        BidRecord(builder);
        builder.HasOne<EvaluationCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.BidderId, s.CriterionId, s.Version }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TenderChangeRequest> builder)
    {
        BidRecord(builder);
        builder.HasOne<Submission>().WithMany().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder) => BidRecord(builder);

    public void Configure(EntityTypeBuilder<DialogueSession> builder) => BidRecord(builder);

    public void Configure(EntityTypeBuilder<ClarificationQuestion> builder) => BidRecord(builder);

    public void Configure(EntityTypeBuilder<ConsentRecord> builder) => BidRecord(builder);

    public void Configure(EntityTypeBuilder<SolutionDisclosure> builder)
    {
        BidRecord(builder);
        builder.HasOne<ConsentRecord>().WithMany().HasForeignKey(d => d.ConsentRecordId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AwardLetter> builder)
    {
        BidRecord(builder);
        builder.HasIndex(l => new { l.ProcurementId, l.BidderId, l.Round }).IsUnique();
    }

    private static void BidRecord<T>(EntityTypeBuilder<T> builder)
        where T : class, IBidderRecord
    {
        builder.HasOne<Procurement>().WithMany().HasForeignKey(e => e.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Bidder>().WithMany().HasForeignKey(e => e.BidderId).OnDelete(DeleteBehavior.Restrict);
    }
}
