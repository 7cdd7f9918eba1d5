using Governance.Domain.Documents;
using Governance.Domain.Scrutiny;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class DocumentConfiguration :
    IEntityTypeConfiguration<PaperSection>, IEntityTypeConfiguration<PublishedDocument>, IEntityTypeConfiguration<PublishedDocumentContent>,
    IEntityTypeConfiguration<DocumentJob>
{
    public void Configure(EntityTypeBuilder<PaperSection> builder)
    {
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(s => s.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.AgendaItemId, s.Number, s.Order });
    }

    public void Configure(EntityTypeBuilder<PublishedDocument> builder)
    {
        // Versions are numbered per subject and kind; the unique index makes two racing publishers collide, not share a number.
        builder.HasIndex(d => new { d.SubjectType, d.SubjectId, d.Kind, d.Version }).IsUnique();
        builder.Property(d => d.Sha256).IsFixedLength();
    }

    public void Configure(EntityTypeBuilder<PublishedDocumentContent> builder)
    {
        builder.HasKey(c => c.PublishedDocumentId);
        builder.HasOne(c => c.Document).WithOne().HasForeignKey<PublishedDocumentContent>(c => c.PublishedDocumentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<DocumentJob> builder)
    {
        builder.HasOne<Meeting>().WithMany().HasForeignKey(j => j.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}
