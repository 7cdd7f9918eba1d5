using Governance.Domain.Contracts;
using Governance.Domain.Scrutiny;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class ScrutinyConfiguration :
    IEntityTypeConfiguration<AgendaItem>, IEntityTypeConfiguration<Decision>, IEntityTypeConfiguration<ForwardPlanEntry>,
    IEntityTypeConfiguration<ScrutinyQuestion>, IEntityTypeConfiguration<Consultation>, IEntityTypeConfiguration<SignOffDecision>, IEntityTypeConfiguration<ExemptionMarking>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PaperPublishedAt, a.PublicationDeadline });
    }

    public void Configure(EntityTypeBuilder<Decision> builder) =>
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<ForwardPlanEntry> builder) =>
        builder.HasOne<Committee>().WithMany().HasForeignKey(f => f.CommitteeId).OnDelete(DeleteBehavior.Restrict);

    public void Configure(EntityTypeBuilder<ScrutinyQuestion> builder)
    {
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(q => q.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(q => q.ContractId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SignOffDecision> builder)
    {
        builder.HasOne<SignOffRequest>().WithMany().HasForeignKey(d => d.SignOffRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.SignOffRequestId, d.DecidedBy }).IsUnique();
    }

    // The exemption filter looks markings up by type and key in every query a councillor or union representative makes.
    public void Configure(EntityTypeBuilder<ExemptionMarking> builder)
    {
        builder.HasIndex(m => new { m.EntityType, m.EntityKey });
        builder.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Consultation> builder) =>
        builder.HasIndex(c => new { c.SubjectType, c.SubjectId, c.Gate });
}
