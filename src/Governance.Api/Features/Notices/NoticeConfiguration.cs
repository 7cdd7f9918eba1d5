using Governance.Domain.Contracts;
using Governance.Domain.Notices;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Features.Notices;

/// <summary>
/// A notice belongs to the procurement and contract it is about (so the exemption filter hides it with them), and a
/// version to its notice; an event raises its notice once (RaisedFor is unique).
/// </summary>
internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>, IEntityTypeConfiguration<NoticeVersion>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.HasOne<Procurement>().WithMany().HasForeignKey(n => n.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(n => n.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.RaisedFor).IsUnique();
        builder.HasIndex(n => new { n.Status, n.DueOn });
    }

    public void Configure(EntityTypeBuilder<NoticeVersion> builder)
    {
        builder.HasOne<Notice>().WithMany().HasForeignKey(v => v.NoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.NoticeId, v.Version }).IsUnique();
    }
}
