using Governance.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Features.Attachments;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>, IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.HasIndex(a => new { a.OwnerType, a.OwnerId });
        // Every attachment's bytes exist: a row cannot name a hash that was never stored.
        builder.HasOne<AttachmentContent>().WithMany().HasForeignKey(a => a.Sha256).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AttachmentContent> builder) => builder.HasKey(c => c.Sha256);
}
