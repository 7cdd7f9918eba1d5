using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Features.Workflows;

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).HasMaxLength(80);
        builder.Property(d => d.DefinitionId).HasMaxLength(64);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.Property(d => d.SourceFile).HasMaxLength(200);
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.HasIndex(i => new { i.SubjectType, i.SubjectId }).IsUnique();
        builder.HasMany(i => i.History).WithOne().HasForeignKey(t => t.WorkflowInstanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Timers).WithOne().HasForeignKey(t => t.WorkflowInstanceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkflowTransitionConfiguration : IEntityTypeConfiguration<WorkflowTransition>
{
    public void Configure(EntityTypeBuilder<WorkflowTransition> builder) =>
        builder.HasIndex(t => new { t.WorkflowInstanceId, t.Sequence }).IsUnique();
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    // The sweep asks for due, unfired, uncancelled timers: this index answers it without a scan.
    public void Configure(EntityTypeBuilder<WorkflowTimer> builder) =>
        builder.HasIndex(t => new { t.FiredAt, t.CancelledAt, t.DueAt });
}
